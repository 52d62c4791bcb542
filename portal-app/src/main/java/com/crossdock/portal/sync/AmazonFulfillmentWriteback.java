package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.amazon.ShipmentConfirmation;
import com.crossdock.portal.channel.amazon.SpApiException;
import com.crossdock.portal.sync.FulfillmentWriteback.Due;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fulfillment write-back of an Amazon connection: each carton the warehouse shipped of a merchant-fulfilled order
 * is confirmed to Amazon with {@code confirmShipment} as a package of its own (a split shipment is several packages,
 * numbered in the order they shipped), with its carrier, tracking number and the Amazon order items (the order
 * lines' channel line ids) it carried, at the operation's published rate. A shipment is marked as being posted before
 * the call; one whose call ended without an answer is sent again with the same package number, which Amazon keys the
 * package on. Amazon refusing a package is an exception on the order with the request as its raw payload.
 */
@Component
class AmazonFulfillmentWriteback implements FlowWork {

    private final com.crossdock.portal.governance.GovernanceService governance;

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final ExceptionLog exceptions;
    private final Journey journey;
    private final Clock clock;

    AmazonFulfillmentWriteback(TenantTransactions transactions, JdbcClient jdbc, ChannelService channels,
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
        return "AMAZON";
    }

    /** What a package needs besides the shipment: its number among the order's packages, and the marketplace. */
    private record Package(String reference, @Nullable String marketplaceId) {
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
        var account = channels.amazonAccount(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        List<Due> due = transactions.read(tenant, () -> FulfillmentWriteback.due(jdbc, connectionId));
        int posted = 0;
        int failed = 0;
        for (Due shipment : due) {
            if (shipment.channelOrderId().startsWith(ManualOrders.channelOrderId(""))) {
                // entered in Crossdock (an FBA transfer, a B2B order): Amazon has no such order to confirm
                transactions.writeAll(tenant, () -> posted(shipment, null, "not an Amazon order: nothing to confirm"));
                posted++;
                continue;
            }
            Map<String, Integer> units = transactions.read(tenant, () -> FulfillmentWriteback.channelUnits(jdbc,
                    shipment.orderId(), shipment.id()));
            if (units.isEmpty()) {
                transactions.writeAll(tenant, () -> posted(shipment, null, "nothing to report yet: part of a bundle "
                        + "whose other components have not shipped"));
                posted++;
                continue;
            }
            if (shipment.trackingNumbers().isEmpty()) {
                transactions.writeAll(tenant, () -> failed(connectionId, shipment, "FULFILLMENT_REFUSED",
                        "The warehouse reported carton " + shipment.warehouseRef() + " of order "
                                + shipment.orderName() + " without a tracking number, which Amazon requires. Add "
                                + "the tracking number in the warehouse's shipment notice, then resolve this.", ""));
                failed++;
                continue;
            }
            Package parcel = transactions.read(tenant, () -> packageOf(shipment));
            ShipmentConfirmation confirmation = new ShipmentConfirmation(
                    parcel.marketplaceId() == null ? account.marketplaceIds().getFirst() : parcel.marketplaceId(),
                    parcel.reference(), shipment.carrier(), shipment.service(), shipment.trackingNumbers().getFirst(),
                    shipment.shippedAt(), units.entrySet().stream()
                            .map(unit -> new ShipmentConfirmation.Item(unit.getKey(), unit.getValue())).toList());
            transactions.writeAll(tenant, () -> jdbc.sql("""
                    UPDATE shipment SET writeback_status = 'POSTING', writeback_attempts = writeback_attempts + 1
                    WHERE id = :id""").param("id", shipment.id()).update());
            try {
                account.client().confirmShipment(shipment.channelOrderId(), confirmation);
            } catch (SpApiException refused) {
                if (refused.status() == 400 || refused.status() == 404) {
                    failed++;
                    String message = (refused.status() == 404 ? "Amazon does not know order " + shipment.orderName()
                            + ", so its package cannot be confirmed" : "Amazon refused package "
                            + parcel.reference() + " of order " + shipment.orderName()) + ": " + refused.getMessage()
                            + ". Check the order in Seller Central, then resolve this.";
                    transactions.writeAll(tenant, () -> failed(connectionId, shipment, refused.status() == 404
                            ? "ORDER_NOT_IN_CHANNEL" : "FULFILLMENT_REFUSED", message, confirmation.toJson()));
                    continue;
                }
                // Amazon is down or refuses the connection: this shipment stays POSTING, the rest wait too
                String message = refused.getMessage();
                transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null,
                        "CHANNEL_UNAVAILABLE", "writeback:" + connectionId, "Shipment confirmation to Amazon",
                        message, ""));
                return new FlowResult(due.size(), posted, failed + 1, null, true, message);
            }
            transactions.writeAll(tenant, () -> posted(shipment, confirmation, "confirmed to Amazon"));
            posted++;
        }
        return FlowResult.of(due.size(), posted, failed);
    }

    /**
     * Inside a tenant transaction: the package's number (the shipment's place among the order's shipments) and the
     * order's marketplace from the order as Amazon last sent it.
     */
    private Package packageOf(Due shipment) {
        String marketplace = jdbc.sql("""
                SELECT coalesce(i.payload::jsonb -> 'order' ->> 'MarketplaceId',
                                i.payload::jsonb -> 'order2026' -> 'salesChannel' ->> 'marketplaceId')
                FROM channel_inbox i JOIN sales_order o ON o.connection_id = i.connection_id
                WHERE o.id = :order AND i.topic = 'amazon/orders'
                  AND i.dedup_key LIKE 'amazon:' || o.channel_order_id || ':%'
                ORDER BY i.received_at DESC LIMIT 1""").param("order", shipment.orderId()).query(String.class)
                .optional().orElse(null);
        return jdbc.sql("""
                SELECT n FROM (
                    SELECT id, row_number() OVER (ORDER BY received_at, id) AS n FROM shipment WHERE order_id = :order
                ) numbered WHERE id = :id""").param("order", shipment.orderId()).param("id", shipment.id())
                .query((rs, n) -> new Package(String.valueOf(rs.getLong(1)), marketplace)).single();
    }

    private void posted(Due shipment, @Nullable ShipmentConfirmation confirmation, String how) {
        jdbc.sql("""
                UPDATE shipment SET writeback_status = 'POSTED', channel_fulfillment_id = :package, posted_at = :now,
                       writeback_message = :how
                WHERE id = :id""").param("id", shipment.id())
                .param("package", confirmation == null ? "" : "package " + confirmation.packageReferenceId())
                .param("now", Timestamp.from(clock.instant())).param("how", how).update();
        if (confirmation != null) {
            journey.step(shipment.orderId(), "TRACKING_POSTED", shipment.warehouseRef() + " as Amazon package "
                    + confirmation.packageReferenceId() + " (" + confirmation.carrierCode() + " "
                    + confirmation.trackingNumber() + ")");
        }
        exceptions.resolveMoved("FULFILLMENT_REFUSED", "shipment:" + shipment.id(), "Confirmed on a later attempt");
    }

    private void failed(UUID connectionId, Due shipment, String reason, String message, String request) {
        jdbc.sql("""
                UPDATE shipment SET writeback_status = 'FAILED', writeback_message = :message WHERE id = :id""")
                .param("id", shipment.id()).param("message", Text.clip(message, 2000)).update();
        journey.step(shipment.orderId(), "TRACKING_REFUSED", message);
        exceptions.record(flow(), connectionId, null, reason, reason.equals("ORDER_NOT_IN_CHANNEL")
                ? "order:" + shipment.orderId() : "shipment:" + shipment.id(), "Order " + shipment.orderName(),
                message, request.isEmpty() ? shipment.toString() : request);
    }
}
