package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.walmart.WalmartApiException;
import com.crossdock.portal.channel.walmart.WalmartClient;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.ShippedLine;
import com.crossdock.portal.sync.FulfillmentWriteback.Due;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fulfillment write-back of a Walmart connection: each shipment the warehouse reported becomes one shipping
 * update of its purchase order, a line per order line it completes with the shipment's carrier and tracking number,
 * so a split shipment is a shipping update per parcel and each may name another carrier. The units per line are
 * worked out as for Shopify (all shipments of the order in arrival order, a bundle once all its components shipped).
 * Exactly once: the shipment is marked as being posted before the call, and one whose call ended without an answer
 * is looked up in the purchase order's tracking numbers before it is ever posted again.
 */
@Component
class WalmartFulfillmentWriteback implements FlowWork {

    private final com.crossdock.portal.governance.GovernanceService governance;

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final ExceptionLog exceptions;
    private final Journey journey;
    private final Clock clock;

    WalmartFulfillmentWriteback(TenantTransactions transactions, JdbcClient jdbc, ChannelService channels,
            ExceptionLog exceptions, Journey journey, Clock clock,
            com.crossdock.portal.governance.GovernanceService governance) {
        this.governance = governance;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.channels = channels;
        this.exceptions = exceptions;
        this.journey = journey;
        this.clock = clock;
    }

    @Override
    public Flow flow() {
        return Flow.FULFILLMENT_WRITEBACK;
    }

    @Override
    public String channel() {
        return "WALMART";
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
        WalmartClient client = channels.walmartAccount(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId)).client();
        List<Due> due = transactions.read(tenant, () -> FulfillmentWriteback.due(jdbc, connectionId));
        int posted = 0;
        int failed = 0;
        for (Due shipment : due) {
            try {
                if (post(tenant, connectionId, client, shipment)) {
                    posted++;
                } else {
                    failed++;
                }
            } catch (WalmartApiException problem) {
                if (problem.refused()) {
                    failed++;
                    String message = "Walmart refused the shipping update of purchase order " + shipment.orderName()
                            + " (" + shipment.warehouseRef() + "): " + problem.getMessage() + ". Check the order in "
                            + "Seller Center, then retry.";
                    transactions.writeAll(tenant, () -> failed(connectionId, shipment, "FULFILLMENT_REFUSED",
                            message));
                    continue;
                }
                // Walmart is down, throttles beyond reason or refuses the keys: everything waits for the next run;
                // a shipment left POSTING is looked up before it is posted again
                String message = problem.getMessage();
                transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null,
                        "CHANNEL_UNAVAILABLE", "writeback:" + connectionId, "Fulfillment write-back to Walmart",
                        message, ""));
                return new FlowResult(due.size(), posted, failed, null, true, message);
            }
        }
        return FlowResult.of(due.size(), posted, failed);
    }

    /** Posts one shipment; false when there was something wrong with it (an exception then says what). */
    private boolean post(TenantId tenant, UUID connectionId, WalmartClient client, Due shipment) {
        if (shipment.trackingNumbers().isEmpty()) {
            transactions.writeAll(tenant, () -> failed(connectionId, shipment, "TRACKING_MISSING", "The warehouse "
                    + "reported shipment " + shipment.warehouseRef() + " of purchase order " + shipment.orderName()
                    + " without a tracking number, which Walmart requires. Ask the warehouse for it."));
            return false;
        }
        if (shipment.status().equals("POSTING")) {
            // the last attempt ended without an answer: Walmart may have it already
            String order = client.order(shipment.channelOrderId()).orElse("");
            if (order.contains("\"" + shipment.trackingNumbers().getFirst() + "\"")) {
                transactions.writeAll(tenant, () -> posted(shipment, "found in Walmart after an unanswered attempt"));
                return true;
            }
        }
        Map<String, Integer> units = transactions.read(tenant, () -> FulfillmentWriteback.channelUnits(jdbc,
                shipment.orderId(), shipment.id()));
        if (units.isEmpty()) {
            transactions.writeAll(tenant, () -> posted(shipment, "nothing to report yet: part of a bundle whose "
                    + "other components have not shipped"));
            return true;
        }
        String carrier = shipment.carrier().isBlank() ? "Other" : shipment.carrier();
        List<ShippedLine> lines = units.entrySet().stream().map(line -> new ShippedLine(line.getKey(),
                line.getValue(), carrier, shipment.service(), shipment.trackingNumbers().getFirst(), null,
                shipment.shippedAt())).toList();
        transactions.writeAll(tenant, () -> jdbc.sql("""
                UPDATE shipment SET writeback_status = 'POSTING', writeback_attempts = writeback_attempts + 1
                WHERE id = :id""").param("id", shipment.id()).update());
        client.ship(shipment.channelOrderId(), lines);
        transactions.writeAll(tenant, () -> posted(shipment, "posted"));
        return true;
    }

    private void posted(Due shipment, String how) {
        jdbc.sql("""
                UPDATE shipment SET writeback_status = 'POSTED', channel_fulfillment_id = :id, posted_at = :now,
                       writeback_message = :how
                WHERE id = :shipment""").param("shipment", shipment.id())
                .param("id", shipment.trackingNumbers().getFirst()).param("now", Timestamp.from(clock.instant()))
                .param("how", how).update();
        journey.step(shipment.orderId(), "TRACKING_POSTED", shipment.warehouseRef() + " as a Walmart shipping update ("
                + (shipment.carrier().isEmpty() ? "" : shipment.carrier() + " ")
                + String.join(", ", shipment.trackingNumbers()) + "), " + how);
        exceptions.resolveMoved("FULFILLMENT_REFUSED", "shipment:" + shipment.id(), "Posted on a later attempt");
    }

    private void failed(UUID connectionId, Due shipment, String reason, String message) {
        jdbc.sql("UPDATE shipment SET writeback_status = 'FAILED', writeback_message = :message WHERE id = :id")
                .param("id", shipment.id()).param("message", Text.clip(message, 2000)).update();
        journey.step(shipment.orderId(), "TRACKING_REFUSED", message);
        exceptions.record(flow(), connectionId, null, reason, "shipment:" + shipment.id(),
                "Order " + shipment.orderName(), message, shipment.toString());
    }
}
