package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.amazon.AmazonNotification;
import com.crossdock.portal.channel.amazon.AmazonOrderParser;
import com.crossdock.portal.channel.amazon.AmazonPayloadException;
import com.crossdock.portal.channel.amazon.NotificationQueue;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SP-API notifications from an Amazon connection's SQS queue. Each message is kept in the inbox as it came (topic
 * {@value #TOPIC}, once per SQS message id) before it is read, then handled, then deleted from the queue: an
 * {@code ORDER_CHANGE} reads the order again ({@code getOrder}, {@code getOrderItems}) and keeps it in the inbox for
 * the pipeline, marked as a buyer's cancellation request when the buyer asked to cancel (the pipeline then stops the
 * order in the warehouse, or raises an exception when it already shipped); a {@code LISTINGS_ITEM_MFN_QUANTITY_CHANGE}
 * of a merchant-fulfilled SKU becomes what Amazon shows for it, so the next inventory push sends the warehouse's
 * number where it differs; other types are kept and ignored; a body that cannot be read is an exception with the raw
 * body. A message whose handling failed (Amazon did not answer the order) is not deleted: SQS delivers it again
 * after its visibility timeout. SQS delivers at least once: a message whose kept entry was handled already is only
 * deleted, and an order change Amazon sent twice keeps the order once (its notification id).
 */
@Component
class AmazonNotifications {

    /** The inbox topic of a kept notification; the order pipeline leaves these entries to this class. */
    static final String TOPIC = "amazon/notification";

    private final PollMarks marks;
    private final TenantTransactions transactions;
    private final ExceptionLog exceptions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AmazonOrderParser parser = new AmazonOrderParser();

    AmazonNotifications(PollMarks marks, TenantTransactions transactions, ExceptionLog exceptions, JdbcClient jdbc,
            Clock clock) {
        this.jdbc = jdbc;
        this.marks = marks;
        this.transactions = transactions;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    /**
     * Reads the connection's queue until a receive answers fewer than ten messages (or {@code batches} receives were
     * made), keeping, handling and
     * deleting each message; the order entries kept are added to {@code kept} as they are, so they reach the
     * pipeline even when a later call fails. Answers how many messages were received.
     *
     * @throws com.crossdock.portal.channel.amazon.SpApiException when SQS or the SP-API fails; what was handled
     *                                                           until then stays handled and deleted
     */
    int drain(TenantId tenant, UUID connectionId, ChannelService.AmazonAccount account, int batches,
            List<UUID> kept) {
        NotificationQueue queue = account.notifications();
        if (queue == null) {
            return 0;
        }
        int received = 0;
        for (int batch = 0; batch < batches; batch++) {
            List<NotificationQueue.Message> messages = queue.receive();
            for (NotificationQueue.Message message : messages) {
                received++;
                Kept entry = keep(tenant, connectionId, message);
                if (!entry.handled()) {
                    handle(tenant, connectionId, account, entry.inboxId(), message.body(), kept);
                }
                queue.delete(message);
            }
            if (messages.size() < NotificationQueue.MAX_MESSAGES) {
                // the queue had no more for now (the rest of a short batch comes with the next run): no second wait
                break;
            }
        }
        return received;
    }

    private record Kept(UUID inboxId, boolean handled) {
    }

    /** The message in the inbox as it came, once per SQS message id; whether a delivery before handled it. */
    private Kept keep(TenantId tenant, UUID connectionId, NotificationQueue.Message message) {
        String dedup = "amazon:sqs:" + message.messageId();
        return transactions.write(tenant, () -> {
            jdbc.sql("""
                    INSERT INTO channel_inbox (tenant_id, id, connection_id, source, topic, dedup_key, payload,
                                               received_at)
                    VALUES (crossdock_current_tenant(), :id, :connection, 'POLL', :topic, :dedup, :payload, :at)
                    ON CONFLICT (tenant_id, connection_id, dedup_key) DO NOTHING""")
                    .param("id", UUID.randomUUID()).param("connection", connectionId).param("topic", TOPIC)
                    .param("dedup", Text.clip(dedup, 200)).param("payload", message.body())
                    .param("at", Timestamp.from(clock.instant())).update();
            return jdbc.sql("""
                    SELECT id, processed_at IS NOT NULL FROM channel_inbox
                    WHERE connection_id = :connection AND dedup_key = :dedup""")
                    .param("connection", connectionId).param("dedup", Text.clip(dedup, 200))
                    .query((rs, n) -> new Kept(rs.getObject(1, UUID.class), rs.getBoolean(2))).single();
        });
    }

    private void handle(TenantId tenant, UUID connectionId, ChannelService.AmazonAccount account, UUID inboxId,
            String body, List<UUID> kept) {
        AmazonNotification notification;
        try {
            notification = AmazonNotification.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (AmazonPayloadException unusable) {
            // not linked to the entry for a retry: the body stays as unreadable as it came, and SQS has let it go
            transactions.writeAll(tenant, () -> {
                exceptions.record(Flow.ORDER_IMPORT, connectionId, null, unusable.reasonCode().name(),
                        "notification:" + inboxId, "Amazon notification", unusable.getMessage(), body);
                done(inboxId, "EXCEPTION", null);
            });
            return;
        }
        switch (notification) {
            case AmazonNotification.MfnQuantityChange quantity when quantity.fulfillmentChannelCode().equals("DEFAULT") ->
                // Amazon's quantity moved (an order, an edit in Seller Central): the next inventory push compares
                // the warehouse's number with it and sends ours where they differ
                transactions.writeAll(tenant, () -> {
                    jdbc.sql("""
                            UPDATE channel_inventory SET pushed_quantity = :quantity
                            WHERE connection_id = :connection AND channel_sku = :sku""")
                            .param("quantity", quantity.quantity()).param("connection", connectionId)
                            .param("sku", quantity.sku()).update();
                    done(inboxId, "APPLIED", null);
                });
            case AmazonNotification.OrderChange change -> {
                String order = account.client().getOrder(change.amazonOrderId());
                List<String> items = parser.needsItems(order) ? account.client().getOrderItems(change.amazonOrderId())
                        : List.of();
                String payload = change.buyerRequestedCancel()
                        ? AmazonOrderParser.combineWithBuyerCancel(order, items, change.changedAt(),
                        change.changeReason())
                        : AmazonOrderParser.combine(order, items);
                UUID orderEntry = UUID.randomUUID();
                if (marks.keep(tenant, orderEntry, connectionId, "amazon/orders",
                        "amazon:" + change.amazonOrderId() + ":notification:" + change.notificationId(), payload)) {
                    kept.add(orderEntry);
                }
                transactions.writeAll(tenant, () -> done(inboxId, "APPLIED", null));
            }
            default -> transactions.writeAll(tenant, () -> done(inboxId, "IGNORED",
                    "Crossdock does not act on " + notification.type() + " notifications"));
        }
    }

    private void done(UUID inboxId, String outcome, @Nullable String note) {
        jdbc.sql("UPDATE channel_inbox SET processed_at = :at, outcome = :outcome, note = :note WHERE id = :id")
                .param("id", inboxId).param("at", Timestamp.from(clock.instant())).param("outcome", outcome)
                .param("note", note).update();
    }
}
