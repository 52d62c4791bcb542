package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.amazon.AmazonOrderParser;
import com.crossdock.portal.channel.amazon.AmazonOrders2026;
import com.crossdock.portal.channel.amazon.AmazonPayloadException;
import com.crossdock.portal.channel.amazon.SpApiException;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The order import of an Amazon connection: {@code getOrders} (or, where the connection opted in, Orders 2026-01-01
 * {@code searchOrders}, items included) for the orders changed since the flow's mark (a
 * minute of overlap, like the Shopify poll), page by page with {@code NextToken}, {@code getOrderItems} for each
 * order the warehouse may ship, and each order kept with its items in the inbox (deduplicated by order id and
 * update time) for the same pipeline as Shopify's orders. Amazon's rate limits and throttling are the client's
 * business: a run just takes as long as the usage plan allows. A run first reads the SP-API notifications waiting on
 * the connection's SQS queue ({@link AmazonNotifications}: the seller's queue, or the sandbox's). If Amazon fails the
 * run, what was kept is processed and the mark stays, so the next run reads the rest.
 */
@Component
class AmazonOrderImport implements FlowWork {

    private final TenantTransactions transactions;
    private final PollMarks marks;
    private final ChannelService channels;
    private final OrderPipeline pipeline;
    private final ExceptionLog exceptions;
    private final Clock clock;
    private final AmazonNotifications notifications;
    private final AmazonOrderParser parser = new AmazonOrderParser();
    private final AmazonOrders2026 orders2026 = new AmazonOrders2026();

    AmazonOrderImport(TenantTransactions transactions, PollMarks marks, ChannelService channels,
            OrderPipeline pipeline, ExceptionLog exceptions, AmazonNotifications notifications, Clock clock) {
        this.notifications = notifications;
        this.transactions = transactions;
        this.marks = marks;
        this.channels = channels;
        this.pipeline = pipeline;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    @Override
    public Flow flow() {
        return Flow.ORDER_IMPORT;
    }

    @Override
    public String channel() {
        return "AMAZON";
    }

    @Override
    public FlowResult shadow(TenantId tenant, UUID connectionId) {
        // reading orders sends nothing: the pipeline keeps them as shadow orders while the order import is not live
        return run(tenant, connectionId);
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        var account = channels.amazonAccount(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        PollRun poll = new PollRun(marks, tenant, connectionId, flow());
        String next = null;
        try {
            // order changes such as a buyer's cancel request, from the connection's SQS queue
            poll.seen(notifications.drain(tenant, connectionId, account, channels.notificationBatches(),
                    poll.inbox()));
            do {
                boolean v2026 = account.orders2026();
                var page = v2026 ? account.client().searchOrders(account.marketplaceIds(), poll.since(), next)
                        : account.client().getOrders(account.marketplaceIds(), poll.since(), next);
                for (String order : page.orders()) {
                    String id = v2026 ? orders2026.orderIdOf(order) : parser.orderIdOf(order);
                    Instant updated = (v2026 ? orders2026.updatedAtOf(order) : parser.updatedAtOf(order)).orElse(null);
                    poll.seen(id == null ? null : updated);
                    if (id == null || updated == null) {
                        poll.failedOne();
                    }
                    // 2026-01-01 orders come with their items; v0 ones need getOrderItems
                    String payload = v2026 ? AmazonOrders2026.wrap(order) : AmazonOrderParser.combine(order,
                            id != null && parser.needsItems(order) ? account.client().getOrderItems(id) : List.of());
                    String dedup = id == null || updated == null ? "amazon:raw:" + Text.sha256(payload)
                            : "amazon:" + id + ":" + updated.toEpochMilli();
                    poll.keep("amazon/orders", dedup, payload);
                }
                next = page.nextToken();
            } while (next != null);
        } catch (SpApiException | AmazonPayloadException unusable) {
            poll.failed(transactions, exceptions, unusable instanceof SpApiException ? "CHANNEL_UNAVAILABLE"
                    : "UNUSABLE_PAGE", "poll:" + connectionId, flow().label() + " from Amazon", unusable.getMessage());
        }
        poll.finish(pipeline, false);
        return poll.result(clock, "");
    }


}
