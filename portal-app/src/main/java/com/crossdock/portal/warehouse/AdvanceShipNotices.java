package com.crossdock.portal.warehouse;

import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.warehouse.x12.WmsDocuments;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.x12.ShipNotices;
import com.crossdock.tenantconfig.x12.ShippingOrder940;
import com.crossdock.tenantconfig.x12.X12ControlNumbers;
import com.crossdock.tenantconfig.x12.X12Delimiters;
import com.crossdock.tenantconfig.x12.X12Envelope;
import com.crossdock.tenantconfig.x12.X12Party;
import com.crossdock.tenantconfig.x12.X12Writer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the 856 ship notice a brand sends a retail partner for an order the warehouse shipped: one pack per shipment
 * (carton group) the 945s reported, with its SSCC when the warehouse gave one and its tracking number, the items with
 * their U.P.C. from the catalog's each-level GTIN, the ship-to of the order, and an interchange control number per
 * partner taken in the same transaction (never skipped, never reused).
 */
@Component
class AdvanceShipNotices {

    private static final Pattern SSCC = Pattern.compile("(?:^|[-+])((?:00)?\\d{18})(?:$|[-+])");
    private static final Pattern SCAC = Pattern.compile("[A-Z]{2,4}");

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final WmsDocuments documents = new WmsDocuments();

    AdvanceShipNotices(TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Order(UUID id, String name, @Nullable String payload) {
    }

    private record Shipped(UUID id, String warehouseRef, @Nullable String carrier, @Nullable String service,
            String tracking, java.time.Instant shippedAt) {
    }

    /**
     * The 856 for the order named {@code orderName}; in the tenant's transaction.
     *
     * @throws IllegalArgumentException when there is no such order, nothing of it shipped yet, or the partner's
     *                                  identity is not an ISA qualifier and id
     */
    WmsService.ShipNoticeFile write(TenantId tenant, String senderId, String shipFromName, String orderName,
            String purchaseOrder, String partnerQualifier, String partnerId) {
        return transactions.write(tenant, () -> {
            Order order = jdbc.sql("""
                    SELECT o.id, o.order_name, (SELECT payload FROM wms_outbox m WHERE m.order_id = o.id
                                                AND m.kind = 'ORDER' ORDER BY created_at LIMIT 1)
                    FROM sales_order o WHERE o.order_name = :name ORDER BY o.created_at DESC LIMIT 1""")
                    .param("name", orderName.strip())
                    .query((rs, n) -> new Order(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                    .optional().orElseThrow(() -> new IllegalArgumentException("No order " + orderName.strip()
                            + " in this brand"));
            List<Shipped> shipments = jdbc.sql("""
                    SELECT id, warehouse_ref, carrier, service, tracking_numbers, shipped_at FROM shipment
                    WHERE order_id = :order ORDER BY shipped_at, warehouse_ref""").param("order", order.id())
                    .query((rs, n) -> new Shipped(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
            if (shipments.isEmpty()) {
                throw new IllegalArgumentException("Nothing of " + order.name() + " has shipped yet; an 856 follows "
                        + "the warehouse's 945");
            }
            List<ShipNotices.Carton> cartons = new ArrayList<>();
            for (Shipped shipped : shipments) {
                List<ShipNotices.Item> items = jdbc.sql("""
                        SELECT l.master_sku, l.quantity,
                               (SELECT substring(p.gtin14 from 3) FROM catalog_pack p JOIN catalog_item i
                                ON i.id = p.item_id WHERE i.sku = l.master_sku AND p.level = 'EACH'
                                AND p.gtin14 LIKE '00%' LIMIT 1)
                        FROM shipment_line l WHERE l.shipment_id = :shipment ORDER BY l.master_sku""")
                        .param("shipment", shipped.id())
                        .query((rs, n) -> new ShipNotices.Item(rs.getString(1), rs.getString(3), rs.getInt(2)))
                        .list();
                Matcher sscc = SSCC.matcher(shipped.warehouseRef());
                String tracking = shipped.tracking().isBlank() ? "" : shipped.tracking().split(",")[0].strip();
                cartons.add(new ShipNotices.Carton(sscc.find() ? sscc.group(1) : null, tracking, items));
            }
            Shipped last = shipments.getLast();
            String carrier = last.carrier() == null ? "" : last.carrier();
            String scac = SCAC.matcher(carrier).matches() ? carrier : "";
            String service = last.service() != null ? last.service() : carrier;
            LocalDateTime shippedAt = LocalDateTime.ofInstant(last.shippedAt(), ZoneOffset.UTC);
            ShipNotices.Shipment shipment = new ShipNotices.Shipment(depositorLike(order.name()), shippedAt, scac,
                    service, purchaseOrder.isBlank() ? order.name() : purchaseOrder.strip(),
                    X12Party.named("SF", shipFromName, "", ""), shipTo(order), cartons);
            var notice = ShipNotices.of(shipment);
            long isa = jdbc.sql("""
                    INSERT INTO asn_control_number (tenant_id, partner_id, next_value)
                    VALUES (crossdock_current_tenant(), :partner, 2)
                    ON CONFLICT (tenant_id, partner_id) DO UPDATE SET next_value = CASE
                        WHEN asn_control_number.next_value >= 999999999 THEN 1
                        ELSE asn_control_number.next_value + 1 END
                    RETURNING CASE WHEN next_value = 1 THEN 999999999 ELSE next_value - 1 END""")
                    .param("partner", partnerId.strip()).query(Long.class).single();
            String sender = senderId.length() > 15 ? senderId.substring(0, 15) : senderId;
            X12Envelope envelope = new X12Envelope(X12Delimiters.standard(), "00401", "ZZ", sender,
                    partnerQualifier, partnerId.strip(), sender, partnerId.strip(), true, true);
            byte[] content = new X12Writer(envelope).write(notice, new X12ControlNumbers(isa, isa, 1),
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            return new WmsService.ShipNoticeFile("856_" + depositorLike(order.name()) + "_" + "%09d".formatted(isa)
                    + ".edi", content, cartons.size());
        });
    }

    /** The ship-to of the 940 the order went out with; the partner's ship-to when the order has none. */
    private X12Party shipTo(Order order) {
        if (order.payload() == null) {
            return X12Party.named("ST", order.name(), "", "");
        }
        ShippingOrder940 sent = documents.shippingOrder940(X12Delimiters.standard(), "ASN", "ASN", order.payload(),
                false);
        X12Party to = sent.shipTo();
        return to != null ? to : X12Party.named("ST", order.name(), "", "");
    }

    private static String depositorLike(String orderName) {
        String cleaned = orderName.replaceAll("[^A-Za-z0-9._-]", "");
        return cleaned.isEmpty() ? "ORDER" : cleaned.length() > 22 ? cleaned.substring(0, 22) : cleaned;
    }
}
