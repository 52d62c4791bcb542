package com.crossdock.portal.returns;

import com.crossdock.portal.sync.ChannelReturnArrival;
import com.crossdock.portal.sync.ReturnAuthorizations;
import com.crossdock.tenantconfig.catalog.AliasKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store's returns as RMAs, inside the sync engine's transaction that keeps them: a return request becomes an RMA
 * expecting its units (each channel line resolved through the order's lines to catalog SKUs, a virtual bundle to its
 * components); a refund that restocks shipped units becomes one too unless the order has an RMA already (the refund
 * is then usually the store's answer to that return). What cannot become an RMA is answered as a problem, which the
 * sync engine keeps as an exception with the raw payload: an unknown order, an item the order or catalog does not
 * know, a quantity that cannot be. A declined or cancelled return closes its RMA while nothing has arrived.
 */
@Component
class ChannelReturnsBridge implements ReturnAuthorizations {

    private static final Set<String> CALLED_OFF = Set.of("DECLINED", "CANCELED", "CANCELLED");

    private final JdbcClient jdbc;
    private final Rmas rmas;
    private final Clock clock;

    ChannelReturnsBridge(JdbcClient jdbc, Rmas rmas, Clock clock) {
        this.jdbc = jdbc;
        this.rmas = rmas;
        this.clock = clock;
    }

    @Override
    public List<Problem> arrived(ChannelReturnArrival arrival) {
        boolean isReturn = arrival.kind().equals("RETURN");
        if (jdbc.sql("SELECT count(*) FROM rma WHERE channel_return_id = :id").param("id", arrival.channelReturnId())
                .query(Long.class).single() > 0) {
            if (CALLED_OFF.contains(arrival.status().toUpperCase(Locale.ROOT))) {
                callOff(arrival);
            }
            return List.of();
        }
        List<ChannelReturnArrival.Line> coming = arrival.lines().stream()
                .filter(line -> isReturn || line.restock()).toList();
        if (coming.isEmpty() || (isReturn && CALLED_OFF.contains(arrival.status().toUpperCase(Locale.ROOT)))) {
            return List.of();
        }
        if (arrival.orderId() == null) {
            return List.of(new Problem("RETURN_UNKNOWN_ORDER", "return:" + arrival.channelReturnId(), "The store's "
                    + arrival.kind().toLowerCase(Locale.ROOT) + " " + arrival.channelRef() + " is for order "
                    + arrival.channelOrderId() + ", which Crossdock never imported, so the warehouse cannot expect "
                    + "its units. Import the order (or enter an RMA by hand), then retry or resolve this."));
        }
        if (!isReturn && (jdbc.sql("SELECT count(*) FROM rma WHERE order_id = :o").param("o", arrival.orderId())
                .query(Long.class).single() > 0 || jdbc.sql("SELECT count(*) FROM shipment WHERE order_id = :o")
                .param("o", arrival.orderId()).query(Long.class).single() == 0)) {
            // the answer to a return we expect already, or units that never left the warehouse
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        List<Rmas.NewLine> lines = new ArrayList<>();
        for (ChannelReturnArrival.Line line : coming) {
            if (line.quantity() < 1 || line.quantity() > ReturnsService.MAX_UNITS) {
                problems.add(new Problem("RETURN_BAD_QUANTITY", "return:" + arrival.channelReturnId(), "The store "
                        + "says " + line.quantity() + " units of line " + line.channelLineId() + " come back on "
                        + arrival.channelRef() + "; a return has 1 to " + ReturnsService.MAX_UNITS + " per line. "
                        + "Check the return in the store, then retry or resolve this."));
                continue;
            }
            List<Rmas.NewLine> resolved = resolve(arrival.orderId(), arrival.skuAlias(), line);
            if (resolved.stream().anyMatch(part -> part.quantity() > ReturnsService.MAX_UNITS)) {
                problems.add(new Problem("RETURN_BAD_QUANTITY", "return:" + arrival.channelReturnId(),
                        line.quantity() + " bundles of line " + line.channelLineId() + " on " + arrival.channelRef()
                        + " are more than " + ReturnsService.MAX_UNITS + " units of one component. Check the return "
                        + "in the store, then retry or resolve this."));
                continue;
            }
            if (resolved.isEmpty()) {
                problems.add(new Problem("RETURN_UNKNOWN_ITEM", "return:" + arrival.channelReturnId(), "Line "
                        + line.channelLineId() + (line.channelSku().isBlank() ? ""
                        : " (" + line.channelSku() + ")") + " of " + arrival.channelRef() + " is not an item of order "
                        + arrival.orderName() + " that the catalog knows. Map the item in the catalog, then retry."));
            }
            lines.addAll(resolved);
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        rmas.create(new Rmas.Origin("CHANNEL", arrival.channelReturnId(), arrival.connectionId(), arrival.orderId(),
                arrival.channelOrderId(), arrival.orderName(), isReturn ? "WAITING" : "NONE"),
                arrival.channel() + " " + arrival.kind().toLowerCase(Locale.ROOT) + " " + arrival.channelRef(), lines,
                "system:returns");
        return List.of();
    }

    /**
     * The catalog SKUs of a channel line: its order lines (components of a virtual bundle), else its channel SKU
     * through the channel's SKU alias or as a master SKU (ambiguous: none).
     */
    private List<Rmas.NewLine> resolve(java.util.UUID orderId, AliasKind skuAlias, ChannelReturnArrival.Line line) {
        record OrderLine(String sku, int quantity, boolean component) {
        }
        List<OrderLine> orderLines = jdbc.sql("""
                SELECT master_sku, quantity, from_bundle IS NOT NULL FROM sales_order_line
                WHERE order_id = :order AND channel_line_id = :line AND master_sku IS NOT NULL ORDER BY line_no""")
                .param("order", orderId).param("line", line.channelLineId())
                .query((rs, n) -> new OrderLine(rs.getString(1), rs.getInt(2), rs.getBoolean(3))).list();
        if (orderLines.isEmpty() && !line.channelSku().isBlank()) {
            // as the channel's order lines resolve: its SKU alias first, then the master SKU itself
            List<String> skus = jdbc.sql("""
                    SELECT DISTINCT i.sku FROM catalog_alias a JOIN catalog_item i ON i.id = a.item_id
                    WHERE a.kind = :kind AND a.value = :sku""").param("kind", skuAlias.name())
                    .param("sku", line.channelSku().strip()).query(String.class).list();
            if (skus.isEmpty()) {
                skus = jdbc.sql("SELECT sku FROM catalog_item WHERE upper(sku) = upper(:sku)")
                        .param("sku", line.channelSku().strip()).query(String.class).list();
            }
            orderLines = skus.size() != 1 ? List.of() : List.of(new OrderLine(skus.getFirst(), line.quantity(), false));
        }
        if (orderLines.isEmpty()) {
            return List.of();
        }
        if (orderLines.size() == 1 && !orderLines.getFirst().component()) {
            return List.of(new Rmas.NewLine(orderLines.getFirst().sku(), line.quantity(), reason(line),
                    line.channelLineId(), 1));
        }
        // a virtual bundle: each component as many times as one bundle holds it
        List<Rmas.NewLine> components = new ArrayList<>();
        for (OrderLine component : orderLines) {
            int per = jdbc.sql("""
                    SELECT c.quantity FROM sales_order_line l
                    JOIN catalog_bundle b ON b.sku = l.from_bundle
                    JOIN catalog_bundle_component c ON c.bundle_id = b.id AND c.component_sku = l.master_sku
                    WHERE l.order_id = :order AND l.channel_line_id = :line AND l.master_sku = :sku LIMIT 1""")
                    .param("order", orderId).param("line", line.channelLineId()).param("sku", component.sku())
                    .query(Integer.class).optional().orElse(1);
            components.add(new Rmas.NewLine(component.sku(), per * line.quantity(), reason(line),
                    line.channelLineId(), per));
        }
        return components;
    }

    private static String reason(ChannelReturnArrival.Line line) {
        return line.reason().length() > 60 ? line.reason().substring(0, 60) : line.reason();
    }

    private void callOff(ChannelReturnArrival arrival) {
        jdbc.sql("""
                UPDATE rma SET status = 'CLOSED', channel_signal = 'NONE', closed_at = :now, updated_at = :now,
                       note = note || ' (' || :status || ' in the store)'
                WHERE channel_return_id = :id AND status = 'EXPECTED'""")
                .param("id", arrival.channelReturnId()).param("status", arrival.status().toLowerCase(Locale.ROOT))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    @Override
    public void channelTold(UUID rmaId, String refundRef) {
        jdbc.sql("""
                UPDATE rma SET channel_signal = 'TOLD', channel_refund = :refund, updated_at = :now,
                       status = CASE WHEN status = 'DISPOSITIONED' THEN 'CLOSED' ELSE status END,
                       closed_at = CASE WHEN status = 'DISPOSITIONED' THEN :now ELSE closed_at END
                WHERE id = :id""").param("id", rmaId).param("refund", refundRef)
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
