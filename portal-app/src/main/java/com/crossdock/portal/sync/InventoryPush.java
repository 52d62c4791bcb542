package com.crossdock.portal.sync;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ChannelListing;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.shopify.AvailableQuantityUpdate;
import com.crossdock.portal.channel.shopify.ShopifyAdminClient;
import com.crossdock.portal.channel.shopify.ShopifyApiException;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inventory push flow: what the store may sell of each listing, worked out from the warehouse's available units,
 * pushed to the store's location where it differs from what was last pushed. Only when the warehouse owns available
 * inventory in the tenant's source of truth: otherwise nothing is pushed and the run says why. A virtual bundle sells as many as its scarcest component allows. Each push
 * carries an idempotency key made from what it says, so a repeat after a crash is applied once.
 */
@Component
class InventoryPush implements FlowWork {

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final CatalogService catalog;
    private final ExceptionLog exceptions;
    private final GovernanceService governance;
    private final Clock clock;
    private final GoLive goLive;

    InventoryPush(TenantTransactions transactions, JdbcClient jdbc, ChannelService channels, CatalogService catalog,
            ExceptionLog exceptions, GovernanceService governance, Clock clock, GoLive goLive) {
        this.goLive = goLive;
        this.governance = governance;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.channels = channels;
        this.catalog = catalog;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    @Override
    public Flow flow() {
        return Flow.INVENTORY_PUSH;
    }

    private record Pushed(@Nullable String inventoryItemId, @Nullable Integer quantity) {
    }

    /**
     * Shadow mode: the sellable quantity of every listing whose components the warehouse reported, beside what the
     * store shows for it; each listing where they differ is a recorded difference (and one that agrees again is
     * cleared). Nothing is pushed.
     */
    @Override
    public FlowResult shadow(TenantId tenant, UUID connectionId) {
        var notOwned = notTheWarehouses(governance, tenant);
        if (notOwned.isPresent()) {
            return notOwned.get();
        }
        ShopifyAdminClient client = channels.shopifyClient(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        Map<String, Integer> available = transactions.read(tenant, () -> WarehouseStock.read(jdbc)).available();
        Map<String, Integer> wouldPush = new java.util.TreeMap<>();
        for (ChannelListing listing : catalog.shopifyListings(tenant)) {
            if (available.keySet().containsAll(listing.perSale().keySet()) && !listing.perSale().isEmpty()) {
                wouldPush.put(listing.channelSku(), listing.sellable(available));
            }
        }
        if (wouldPush.isEmpty()) {
            return new FlowResult(0, 0, 0, null, false, "Shadow mode: the warehouse has not reported stock of any "
                    + "listing yet; nothing to compare");
        }
        Map<String, Integer> shown = client.sellableBySku(wouldPush.keySet());
        int differences = transactions.write(tenant, () -> {
            int found = 0;
            for (var entry : wouldPush.entrySet()) {
                Integer store = shown.get(entry.getKey());
                String subject = "SKU " + entry.getKey();
                if (store != null && store.equals(entry.getValue())) {
                    goLive.agreed(connectionId, Flow.INVENTORY_PUSH, subject);
                    continue;
                }
                found++;
                goLive.difference(connectionId, Flow.INVENTORY_PUSH, subject, "Available " + entry.getValue(),
                        store == null ? "Not listed in the store" : "Available " + store);
            }
            return found;
        });
        return new FlowResult(wouldPush.size(), 0, 0, null, false, "Shadow mode: compared " + wouldPush.size()
                + " listings with the store, " + differences + " differ; nothing was pushed");
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        var notOwned = notTheWarehouses(governance, tenant);
        if (notOwned.isPresent()) {
            return notOwned.get();
        }
        ShopifyAdminClient client = channels.shopifyClient(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        Map<String, Pushed> pushed = new HashMap<>();
        WarehouseStock stock = transactions.read(tenant, () -> {
            jdbc.sql("""
                    SELECT channel_sku, inventory_item_id, pushed_quantity FROM channel_inventory
                    WHERE connection_id = :connection""").param("connection", connectionId).query((rs, n) -> pushed.put(
                    rs.getString(1), new Pushed(rs.getString(2), (Integer) rs.getObject(3)))).list();
            return WarehouseStock.read(jdbc);
        });
        Map<String, Integer> available = stock.available();
        if (available.isEmpty()) {
            return new FlowResult(0, 0, 0, null, false, "The warehouse has not reported stock yet; nothing to push");
        }
        // listings whose every component the warehouse reported, and whose sellable quantity changed
        Map<String, Integer> changed = new java.util.TreeMap<>();
        List<ChannelListing> listings = catalog.shopifyListings(tenant);
        for (ChannelListing listing : listings) {
            if (!available.keySet().containsAll(listing.perSale().keySet())) {
                continue;
            }
            int sellable = listing.sellable(available);
            Pushed last = pushed.get(listing.channelSku());
            if (last == null || last.quantity() == null || last.quantity() != sellable) {
                changed.put(listing.channelSku(), sellable);
            }
        }
        if (changed.isEmpty()) {
            return FlowResult.of(listings.size(), 0, 0);
        }
        int failed = 0;
        int done = 0;
        try {
            List<String> unknown = changed.keySet().stream().filter(sku -> pushed.get(sku) == null
                    || pushed.get(sku).inventoryItemId() == null).toList();
            Map<String, String> itemIds = new HashMap<>();
            pushed.forEach((sku, row) -> {
                if (row.inventoryItemId() != null) {
                    itemIds.put(sku, row.inventoryItemId());
                }
            });
            if (!unknown.isEmpty()) {
                Map<String, String> found = client.inventoryItemIdsBySku(unknown).found();
                itemIds.putAll(found);
                transactions.writeAll(tenant, () -> found.forEach((sku, item) -> remember(connectionId, sku, item)));
            }
            String location = channels.inventoryLocation(tenant, connectionId).orElse(null);
            if (location == null) {
                location = client.primaryLocationId();
                channels.rememberInventoryLocation(tenant, connectionId, location);
            }
            List<String> notListed = new ArrayList<>();
            for (var change : changed.entrySet()) {
                String sku = change.getKey();
                String item = itemIds.get(sku);
                if (item == null) {
                    notListed.add(sku);
                    failed++;
                    continue;
                }
                String key = UUID.nameUUIDFromBytes((connectionId + "|" + sku + "|" + change.getValue() + "|" + stock.asOf())
                        .getBytes(StandardCharsets.UTF_8)).toString();
                try {
                    client.setAvailableQuantity(new AvailableQuantityUpdate(item, location, change.getValue(), null,
                            key, "gid://crossdock/InventoryPush/" + key));
                } catch (ShopifyApiException refused) {
                    if (refused.kind() != ShopifyApiException.Kind.USER_ERRORS) {
                        throw refused;
                    }
                    failed++;
                    transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null,
                            "INVENTORY_REFUSED", "inventory:" + connectionId + ":" + sku, "SKU " + sku,
                            "Shopify refused the available quantity " + change.getValue() + " for " + sku + ": "
                                    + String.join("; ", refused.messages()), ""));
                    continue;
                }
                transactions.writeAll(tenant, () -> jdbc.sql("""
                        UPDATE channel_inventory SET pushed_quantity = :qty, pushed_at = :now, idempotency_key = :key
                        WHERE connection_id = :connection AND channel_sku = :sku""")
                        .param("qty", change.getValue()).param("now", Timestamp.from(clock.instant()))
                        .param("key", key).param("connection", connectionId).param("sku", sku).update());
                done++;
            }
            if (!notListed.isEmpty()) {
                transactions.writeAll(tenant, () -> notListed.forEach(sku -> exceptions.record(flow(), connectionId,
                        null, "SKU_NOT_IN_CHANNEL", "inventory-sku:" + connectionId + ":" + sku, "SKU " + sku,
                        "The store has no variant with SKU " + sku + " (or has it twice), so its stock cannot be "
                                + "pushed. Add the SKU in Shopify, or a Shopify alias to the item, then run again.",
                        "")));
            }
        } catch (ShopifyApiException unavailable) {
            String message = unavailable.getMessage();
            transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null, "CHANNEL_UNAVAILABLE",
                    "inventory:" + connectionId, "Inventory push to Shopify", message, ""));
            return new FlowResult(changed.size(), done, failed, null, true, message);
        }
        return FlowResult.of(changed.size(), done, failed);
    }

    /**
     * The run's result when the warehouse does not own available inventory in the tenant's source of truth (nothing
     * is pushed then, and the message says who owns it); empty when it does.
     */
    static java.util.Optional<FlowResult> notTheWarehouses(GovernanceService governance, TenantId tenant) {
        return FlowResult.unlessOwnedBy(governance, tenant, DataType.AVAILABLE_INVENTORY, SystemKind.WMS,
                "the warehouse's numbers are not sent to the store");
    }

    private void remember(UUID connectionId, String sku, String inventoryItemId) {
        jdbc.sql("""
                INSERT INTO channel_inventory (tenant_id, id, connection_id, channel_sku, inventory_item_id)
                VALUES (crossdock_current_tenant(), :id, :connection, :sku, :item)
                ON CONFLICT (tenant_id, connection_id, channel_sku) DO UPDATE SET inventory_item_id = excluded.inventory_item_id""")
                .param("id", UUID.randomUUID()).param("connection", connectionId).param("sku", sku)
                .param("item", inventoryItemId).update();
    }
}
