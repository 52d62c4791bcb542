package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.shopify.FulfillmentInfo;
import com.crossdock.portal.channel.shopify.FulfillmentOrderInfo;
import com.crossdock.portal.channel.shopify.FulfillmentRequest;
import com.crossdock.portal.channel.shopify.ShopifyAdminClient;
import com.crossdock.portal.channel.shopify.ShopifyApiException;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fulfillment write-back flow: each shipment the warehouse reported becomes a fulfillment in Shopify against the
 * order's fulfillment orders, with its carrier and tracking numbers; a split shipment is a fulfillment per parcel
 * group. Exactly once: a shipment is marked as being posted before the call, and one whose call ended without an
 * answer is looked up among the order's fulfillments by its tracking numbers before it is ever posted again.
 * Shipped components of a virtual bundle count as bundles once every component of one bundle has shipped.
 */
@Component
class FulfillmentWriteback implements FlowWork {

    private final com.crossdock.portal.governance.GovernanceService governance;

    private static final int BATCH = 50;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FulfillmentWriteback.class);

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final ExceptionLog exceptions;
    private final Clock clock;
    private final Journey journey;

    FulfillmentWriteback(TenantTransactions transactions, JdbcClient jdbc, ChannelService channels,
            ExceptionLog exceptions, Journey journey, Clock clock,
            com.crossdock.portal.governance.GovernanceService governance) {
        this.governance = governance;
        this.journey = journey;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.channels = channels;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    @Override
    public Flow flow() {
        return Flow.FULFILLMENT_WRITEBACK;
    }

    /** A shipment waiting to be told to its channel. */
    record Due(UUID id, UUID orderId, String channelOrderId, String orderName, String warehouseRef,
            String carrier, List<String> trackingNumbers, String status, @Nullable String service,
            java.time.Instant shippedAt) {
    }

    /** Inside a tenant transaction: the connection's shipments waiting (or being posted), oldest first. */
    static List<Due> due(JdbcClient jdbc, UUID connectionId) {
        return jdbc.sql("""
                SELECT s.id, s.order_id, o.channel_order_id, o.order_name, s.warehouse_ref, coalesce(s.carrier, ''),
                       s.tracking_numbers, s.writeback_status, s.service, s.shipped_at
                FROM shipment s JOIN sales_order o ON o.id = s.order_id
                WHERE o.connection_id = :connection AND s.writeback_status IN ('PENDING', 'POSTING')
                ORDER BY s.received_at, s.id LIMIT :limit""")
                .param("connection", connectionId).param("limit", BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), lines(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant()))
                .list();
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        // tracking is the warehouse's to tell the store: only written back while the warehouse owns it
        var notOwned = FlowResult.unlessOwnedBy(governance, tenant,
                com.crossdock.tenantconfig.truth.DataType.SHIPMENT_TRACKING,
                com.crossdock.tenantconfig.truth.SystemKind.WMS, "no tracking is written back to the store");
        if (notOwned.isPresent()) {
            return notOwned.get();
        }
        ShopifyAdminClient client = channels.shopifyClient(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        List<Due> due = transactions.read(tenant, () -> due(jdbc, connectionId));
        int posted = 0;
        int failed = 0;
        for (Due shipment : due) {
            try {
                if (post(tenant, connectionId, client, shipment)) {
                    posted++;
                } else {
                    failed++;
                }
            } catch (ShopifyApiException unavailable) {
                if (unavailable.kind() == ShopifyApiException.Kind.OUTCOME_UNKNOWN) {
                    // the shipment stays POSTING: the next run looks for it in Shopify before it posts again
                    failed++;
                    log.warn("Posting shipment {} of order {} ended without an answer; the next run checks Shopify",
                            shipment.warehouseRef(), shipment.orderName());
                    continue;
                }
                if (unavailable.kind() == ShopifyApiException.Kind.NOT_FOUND) {
                    failed++;
                    // one exception per order, however many of its cartons wait
                    transactions.writeAll(tenant, () -> failed(connectionId, shipment, "ORDER_NOT_IN_CHANNEL",
                            "order:" + shipment.orderId(), "Shopify does not know order " + shipment.orderName()
                                    + " (deleted, or never there), so its shipments cannot be posted. Check the "
                                    + "order in Shopify, then resolve this."));
                    continue;
                }
                if (unavailable.kind() == ShopifyApiException.Kind.UNAVAILABLE
                        || unavailable.kind() == ShopifyApiException.Kind.INTERRUPTED
                        || unavailable.kind() == ShopifyApiException.Kind.REJECTED) {
                    // the store is down or refuses the connection: every shipment waits for the next run
                    String message = unavailable.getMessage();
                    transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null,
                            "CHANNEL_UNAVAILABLE", "writeback:" + connectionId, "Fulfillment write-back to Shopify",
                            message, ""));
                    return new FlowResult(due.size(), posted, failed, null, true, message);
                }
                throw unavailable;
            }
        }
        return FlowResult.of(due.size(), posted, failed);
    }

    /** Posts one shipment; false when Shopify refused it (an exception then says why). */
    private boolean post(TenantId tenant, UUID connectionId, ShopifyAdminClient client, Due shipment) {
        if (shipment.status().equals("POSTING") && !shipment.trackingNumbers().isEmpty()) {
            // the last attempt ended without an answer: Shopify may have it already
            List<String> found = client.fulfillmentsOf(shipment.channelOrderId()).stream()
                    .filter(fulfillment -> fulfillment.carries(shipment.trackingNumbers()))
                    .map(FulfillmentInfo::id).toList();
            if (!found.isEmpty()) {
                transactions.writeAll(tenant, () -> posted(shipment, found, "found in Shopify after an unanswered "
                        + "attempt"));
                return true;
            }
        }
        Map<String, Integer> units = transactions.read(tenant, () -> channelUnits(jdbc, shipment.orderId(),
                shipment.id()));
        if (units.isEmpty()) {
            transactions.writeAll(tenant, () -> posted(shipment, List.of(), "nothing to report yet: part of a "
                    + "bundle whose other components have not shipped"));
            return true;
        }
        // cartons of this order that carried only part of a bundle had nothing to post; their numbers go with this
        List<String> tracking = new ArrayList<>(transactions.read(tenant, () -> jdbc.sql("""
                SELECT tracking_numbers FROM shipment
                WHERE order_id = :order AND id <> :id AND writeback_status = 'POSTED'
                  AND coalesce(channel_fulfillment_id, '') = '' ORDER BY received_at, id""")
                .param("order", shipment.orderId()).param("id", shipment.id()).query(String.class).list())
                .stream().flatMap(numbers -> lines(numbers).stream()).toList());
        tracking.addAll(shipment.trackingNumbers());
        List<FulfillmentRequest> requests = new ArrayList<>();
        List<String> short_ = new ArrayList<>();
        allocate(client.fulfillmentOrdersOf(shipment.channelOrderId()), units, shipment, tracking, requests, short_);
        if (!short_.isEmpty()) {
            String message = "Shopify has fewer units left to fulfil than the warehouse shipped for order "
                    + shipment.orderName() + ": " + String.join("; ", short_) + ". Check the order in Shopify "
                    + "(fulfilled by hand, or changed after release), then resolve this.";
            transactions.writeAll(tenant, () -> failed(connectionId, shipment, "FULFILLMENT_MISMATCH", message));
            return false;
        }
        transactions.writeAll(tenant, () -> jdbc.sql("""
                UPDATE shipment SET writeback_status = 'POSTING', writeback_attempts = writeback_attempts + 1
                WHERE id = :id""").param("id", shipment.id()).update());
        List<String> ids = new ArrayList<>();
        for (FulfillmentRequest request : requests) {
            try {
                ids.add(client.createFulfillment(request));
            } catch (ShopifyApiException refused) {
                if (refused.kind() != ShopifyApiException.Kind.USER_ERRORS
                        && refused.kind() != ShopifyApiException.Kind.GRAPHQL_ERRORS) {
                    throw refused;
                }
                String message = "Shopify refused the fulfillment of order " + shipment.orderName() + ": "
                        + String.join("; ", refused.messages());
                transactions.writeAll(tenant, () -> failed(connectionId, shipment, "FULFILLMENT_REFUSED", message));
                return false;
            }
        }
        transactions.writeAll(tenant, () -> posted(shipment, ids, "posted"));
        return true;
    }

    /**
     * Spreads the channel units over the open fulfillment orders' lines (a line item may sit on several when the
     * store split it across locations): one request per fulfillment order. What cannot be placed is named.
     */
    private static void allocate(List<FulfillmentOrderInfo> orders, Map<String, Integer> units, Due shipment,
            List<String> tracking, List<FulfillmentRequest> requests, List<String> short_) {
        Map<String, Integer> left = new LinkedHashMap<>(units);
        for (FulfillmentOrderInfo fulfillmentOrder : orders) {
            if (!fulfillmentOrder.acceptsFulfillments()) {
                continue;
            }
            List<FulfillmentRequest.Line> lines = new ArrayList<>();
            for (FulfillmentOrderInfo.Line line : fulfillmentOrder.lines()) {
                String lineItem = numeric(line.lineItemId());
                int wanted = left.getOrDefault(lineItem, 0);
                int take = Math.min(wanted, line.remainingQuantity());
                if (take > 0) {
                    lines.add(new FulfillmentRequest.Line(line.id(), take));
                    left.put(lineItem, wanted - take);
                }
            }
            if (!lines.isEmpty()) {
                requests.add(new FulfillmentRequest(fulfillmentOrder.id(), lines, shipment.carrier(), tracking,
                        true));
            }
        }
        left.forEach((lineItem, missing) -> {
            if (missing > 0) {
                short_.add(missing + " unit(s) of line item " + lineItem);
            }
        });
    }

    /**
     * Inside a tenant transaction: the channel units this shipment completes, per channel line id. Every shipment
     * of the order is allocated to the order's warehouse lines in the order they arrived; a channel line's shipped
     * units are its fewest complete units over its warehouse lines (a bundle ships when all its components have).
     */
    static Map<String, Integer> channelUnits(JdbcClient jdbc, UUID orderId, UUID shipmentId) {
        record WarehouseLine(String channelLineId, String sku, int quantity, int channelQuantity) {
        }
        List<WarehouseLine> lines = jdbc.sql("""
                SELECT channel_line_id, master_sku, quantity, coalesce(channel_quantity, quantity)
                FROM sales_order_line WHERE order_id = :order AND master_sku IS NOT NULL ORDER BY line_no""")
                .param("order", orderId)
                .query((rs, n) -> new WarehouseLine(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .list();
        record Shipped(UUID shipment, String sku, int quantity) {
        }
        List<Shipped> shipped = jdbc.sql("""
                SELECT s.id, l.master_sku, l.quantity FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id
                WHERE s.order_id = :order ORDER BY s.received_at, s.id, l.master_sku""")
                .param("order", orderId)
                .query((rs, n) -> new Shipped(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).list();
        int[] allocated = new int[lines.size()];
        int[] before = null;
        UUID current = null;
        for (Shipped part : shipped) {
            if (!part.shipment().equals(current)) {
                if (part.shipment().equals(shipmentId)) {
                    before = allocated.clone();
                }
                if (current != null && current.equals(shipmentId)) {
                    break;
                }
                current = part.shipment();
            }
            int remaining = part.quantity();
            for (int i = 0; i < lines.size() && remaining > 0; i++) {
                if (lines.get(i).sku().equals(part.sku())) {
                    int take = Math.min(remaining, lines.get(i).quantity() - allocated[i]);
                    allocated[i] += take;
                    remaining -= take;
                }
            }
        }
        if (before == null) {
            return Map.of();
        }
        Map<String, Integer> after = completeUnits(lines.stream().map(WarehouseLine::channelLineId).toList(),
                lines.stream().mapToInt(WarehouseLine::quantity).toArray(),
                lines.stream().mapToInt(WarehouseLine::channelQuantity).toArray(), allocated);
        Map<String, Integer> earlier = completeUnits(lines.stream().map(WarehouseLine::channelLineId).toList(),
                lines.stream().mapToInt(WarehouseLine::quantity).toArray(),
                lines.stream().mapToInt(WarehouseLine::channelQuantity).toArray(), before);
        Map<String, Integer> delta = new LinkedHashMap<>();
        after.forEach((line, units) -> {
            int added = units - earlier.getOrDefault(line, 0);
            if (added > 0) {
                delta.put(line, added);
            }
        });
        return delta;
    }

    /** Complete channel units per channel line: the fewest over its warehouse lines of allocated / per-unit. */
    static Map<String, Integer> completeUnits(List<String> channelLines, int[] quantity, int[] channelQuantity,
            int[] allocated) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (int i = 0; i < channelLines.size(); i++) {
            // units of this warehouse line per channel unit: quantity / channel quantity (whole for bundles)
            int complete = channelQuantity[i] == 0 ? 0
                    : (int) ((long) allocated[i] * channelQuantity[i] / quantity[i]);
            units.merge(channelLines.get(i), complete, Math::min);
        }
        return units;
    }

    private void posted(Due shipment, List<String> fulfillmentIds, String how) {
        jdbc.sql("""
                UPDATE shipment SET writeback_status = 'POSTED', channel_fulfillment_id = :ids, posted_at = :now,
                       writeback_message = :how
                WHERE id = :id""").param("id", shipment.id()).param("ids", String.join(" ", fulfillmentIds))
                .param("now", Timestamp.from(clock.instant())).param("how", how).update();
        if (!fulfillmentIds.isEmpty()) {
            journey.step(shipment.orderId(), "TRACKING_POSTED", shipment.warehouseRef() + " as Shopify fulfillment "
                    + String.join(", ", fulfillmentIds.stream().map(FulfillmentWriteback::numeric).toList()) + " ("
                    + (shipment.carrier().isEmpty() ? "" : shipment.carrier() + " ")
                    + String.join(", ", shipment.trackingNumbers()) + ")");
        }
        exceptions.resolveMoved("FULFILLMENT_REFUSED", "shipment:" + shipment.id(), "Posted on a later attempt");
    }

    private void failed(UUID connectionId, Due shipment, String reason, String message) {
        failed(connectionId, shipment, reason, "shipment:" + shipment.id(), message);
    }

    private void failed(UUID connectionId, Due shipment, String reason, String fingerprint, String message) {
        jdbc.sql("""
                UPDATE shipment SET writeback_status = 'FAILED', writeback_message = :message WHERE id = :id""")
                .param("id", shipment.id()).param("message", Text.clip(message, 2000)).update();
        journey.step(shipment.orderId(), "TRACKING_REFUSED", message);
        exceptions.record(flow(), connectionId, null, reason, fingerprint, "Order " + shipment.orderName(), message,
                shipment.toString());
    }


    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String numeric(String gidOrId) {
        return gidOrId.substring(gidOrId.lastIndexOf('/') + 1);
    }
}
