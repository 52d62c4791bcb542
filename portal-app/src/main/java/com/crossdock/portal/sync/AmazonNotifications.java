package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.amazon.AmazonNotification;
import com.crossdock.portal.channel.amazon.AmazonOrderParser;
import com.crossdock.portal.channel.amazon.AmazonPayloadException;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the connector does with SP-API notifications: an {@code ORDER_CHANGE} reads the order again
 * ({@code getOrder}, {@code getOrderItems}) and keeps it in the inbox for the pipeline, marked as a buyer's
 * cancellation request when the buyer asked to cancel (the pipeline then stops the order in the warehouse, or raises
 * an exception when it already shipped); a {@code LISTINGS_ITEM_MFN_QUANTITY_CHANGE} of a merchant-fulfilled SKU
 * becomes what Amazon shows for it, so the next inventory push sends the warehouse's number where it differs; other
 * types are read and left; an unreadable body is an exception with the raw body. Amazon
 * delivers notifications to the seller's SQS queue, which Crossdock does not read yet; the sandbox keeps a queue of
 * its own that the order import drains at the start of each run.
 */
@Component
class AmazonNotifications {

    private final PollMarks marks;
    private final TenantTransactions transactions;
    private final ExceptionLog exceptions;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final AmazonOrderParser parser = new AmazonOrderParser();

    AmazonNotifications(PollMarks marks, TenantTransactions transactions, ExceptionLog exceptions,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.marks = marks;
        this.transactions = transactions;
        this.exceptions = exceptions;
    }

    /** Handles one notification body; answers the inbox entries it kept for the pipeline. */
    List<UUID> handle(TenantId tenant, UUID connectionId, ChannelService.AmazonAccount account, String body) {
        AmazonNotification notification;
        try {
            notification = AmazonNotification.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (AmazonPayloadException unusable) {
            transactions.writeAll(tenant, () -> exceptions.record(Flow.ORDER_IMPORT, connectionId, null,
                    "UNUSABLE_NOTIFICATION", "notification:" + Text.sha256(body), "Amazon notification",
                    unusable.getMessage(), body));
            return List.of();
        }
        if (notification instanceof AmazonNotification.MfnQuantityChange quantity
                && quantity.fulfillmentChannelCode().equals("DEFAULT")) {
            // Amazon's quantity moved (an order, an edit in Seller Central): the next inventory push compares
            // the warehouse's number with it and sends ours where they differ
            transactions.writeAll(tenant, () -> jdbc.sql("""
                    UPDATE channel_inventory SET pushed_quantity = :quantity
                    WHERE connection_id = :connection AND channel_sku = :sku""").param("quantity", quantity.quantity())
                    .param("connection", connectionId).param("sku", quantity.sku()).update());
            return List.of();
        }
        if (!(notification instanceof AmazonNotification.OrderChange change)) {
            return List.of();
        }
        String order = account.client().getOrder(change.amazonOrderId());
        List<String> items = parser.needsItems(order) ? account.client().getOrderItems(change.amazonOrderId())
                : List.of();
        String payload = change.buyerRequestedCancel()
                ? AmazonOrderParser.combineWithBuyerCancel(order, items, change.changedAt(), change.changeReason())
                : AmazonOrderParser.combine(order, items);
        UUID inboxId = UUID.randomUUID();
        List<UUID> kept = new ArrayList<>();
        if (marks.keep(tenant, inboxId, connectionId, "amazon/orders",
                "amazon:" + change.amazonOrderId() + ":notification:" + change.notificationId(), payload)) {
            kept.add(inboxId);
        }
        return kept;
    }
}
