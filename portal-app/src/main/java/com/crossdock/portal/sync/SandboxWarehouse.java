package com.crossdock.portal.sync;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ChannelListing;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ConnectionView;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The warehouse of sandbox mode, until a WMS is connected: takes the released orders of a tenant's sandbox
 * connections from the outbox, picks, packs and ships them (an order of two or more SKUs in two cartons, so split
 * shipments show), with UPS-style tracking numbers, and reports stock for the catalog. It goes through
 * {@link WarehouseFeedback} like a real warehouse's documents, never touches a live connection's orders, and stands
 * aside for a tenant that has an account at a connected warehouse (whose orders go there as 940s).
 */
@Component
public class SandboxWarehouse {

    private final WarehouseFeedback warehouse;
    private final ChannelService channels;
    private final CatalogService catalog;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    SandboxWarehouse(WarehouseFeedback warehouse, ChannelService channels, CatalogService catalog,
            TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
        this.warehouse = warehouse;
        this.channels = channels;
        this.catalog = catalog;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What one call did: orders shipped, cartons, cancellations confirmed, and the connections concerned. */
    public record Shipped(int orders, int cartons, int cancellations, Set<UUID> connections,
            boolean hasWarehouse) {
    }

    /** Ships up to {@code max} released orders of the tenant's sandbox connections, oldest first. */
    public Shipped shipReleased(TenantId tenant, int max) {
        return SystemActor.call("sandbox", () -> {
            boolean hasWarehouse = transactions.read(tenant, () -> jdbc.sql("SELECT count(*) FROM wms_account")
                    .query(Long.class).single() > 0);
            if (hasWarehouse) {
                // its orders go to its warehouse as 940s; shipping them here would ship them twice
                return new Shipped(0, 0, 0, Set.of(), true);
            }
            Set<UUID> sandboxes = channels.connections(tenant).stream()
                    .filter(connection -> connection.mode() == ChannelMode.SANDBOX).map(ConnectionView::id)
                    .collect(Collectors.toSet());
            int orders = 0;
            int cartons = 0;
            int cancellations = 0;
            Set<UUID> touched = new TreeSet<>();
            for (WarehouseFeedback.OutboxMessage message : warehouse.unsent(tenant, 1000)) {
                UUID connection = transactions.read(tenant, () -> jdbc.sql(
                        "SELECT connection_id FROM sales_order WHERE id = :id").param("id", message.orderId())
                        .query(UUID.class).single());
                if (!sandboxes.contains(connection)) {
                    continue;
                }
                // checked before the message is taken: one taken and not shipped would never ship
                if (!message.kind().equals("CANCEL") && orders == max) {
                    break;
                }
                warehouse.markSent(tenant, message.id(), "Taken by the sandbox warehouse");
                if (message.kind().equals("CANCEL")) {
                    cancellations++;
                    continue;
                }
                cartons += ship(tenant, message.orderId());
                orders++;
                touched.add(connection);
            }
            return new Shipped(orders, cartons, cancellations, touched, false);
        });
    }

    private int ship(TenantId tenant, UUID orderId) {
        Map<String, Integer> units = new LinkedHashMap<>();
        String state = transactions.read(tenant, () -> {
            jdbc.sql("""
                    SELECT master_sku, sum(quantity) FROM sales_order_line WHERE order_id = :id AND master_sku IS NOT NULL
                    GROUP BY master_sku ORDER BY master_sku""").param("id", orderId)
                    .query((rs, n) -> units.put(rs.getString(1), rs.getInt(2))).list();
            return jdbc.sql("SELECT status FROM sales_order WHERE id = :id").param("id", orderId)
                    .query(String.class).single();
        });
        if (!state.equals(OrderStatus.RELEASED.name()) || units.isEmpty()) {
            return 0;
        }
        warehouse.progress(tenant, orderId, OrderStatus.PICKED, "Picked by the sandbox warehouse");
        warehouse.progress(tenant, orderId, OrderStatus.PACKED, "Packed by the sandbox warehouse");
        List<String> skus = new ArrayList<>(units.keySet());
        List<List<String>> cartons = skus.size() < 2 ? List.of(skus)
                : List.of(skus.subList(0, skus.size() / 2), skus.subList(skus.size() / 2, skus.size()));
        Instant now = clock.instant();
        for (int carton = 0; carton < cartons.size(); carton++) {
            List<ShipmentNotice.Line> lines = cartons.get(carton).stream()
                    .map(sku -> new ShipmentNotice.Line(sku, units.get(sku))).toList();
            warehouse.recordShipment(tenant, orderId, new ShipmentNotice("SBX-" + orderId.toString().substring(0, 8)
                    + "-" + (carton + 1), "UPS", "Ground", List.of(trackingNumber(orderId, carton)), now, lines));
        }
        return cartons.size();
    }

    /** A tracking number in UPS's shape (1Z, shipper, service, package), made from the order so it is stable. */
    static String trackingNumber(UUID orderId, int carton) {
        long digits = Math.floorMod(orderId.getLeastSignificantBits() + carton, 100_000_000L);
        return "1ZSBX0" + String.format(java.util.Locale.ROOT, "03%08d", digits) + (carton + 1);
    }

    /**
     * Reports stock for every master SKU the tenant sells (a stable quantity per SKU between 0 and 120, so some run
     * low), as a warehouse's inventory advice would.
     */
    public int reportStock(TenantId tenant) {
        return SystemActor.call("sandbox", () -> {
            Set<String> skus = new TreeSet<>();
            for (ChannelListing listing : catalog.shopifyListings(tenant)) {
                skus.addAll(listing.perSale().keySet());
            }
            List<InventoryPosition> positions = skus.stream().map(sku -> {
                int onHand = Math.floorMod(sku.hashCode(), 121);
                return new InventoryPosition(sku, onHand + 3, onHand);
            }).toList();
            return warehouse.recordInventory(tenant, positions, "SANDBOX", clock.instant());
        });
    }
}
