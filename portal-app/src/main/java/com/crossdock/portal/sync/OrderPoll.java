package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.shopify.PolledOrder;
import com.crossdock.portal.channel.shopify.ShopifyApiException;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Polling a Shopify store for orders, the backfill of the order flows: reads the orders the store changed since
 * the flow's mark (a minute of overlap, since the store's clock and ours differ), keeps each new version in the
 * inbox like a webhook (deduplicated by order id and update time, so webhooks and polls never double an order),
 * lets the pipeline process it, and moves the mark. What webhooks lost, this finds. The order import reads every
 * change; the cancellations flow only cancelled orders.
 */
abstract class OrderPoll implements FlowWork {

    /** Ten orders a page (with 25 line items each) keep a query within Shopify's 1,000-point cost limit. */
    private static final int PAGE_SIZE = 10;

    private final TenantTransactions transactions;
    private final PollMarks marks;
    private final ChannelService channels;
    private final OrderPipeline pipeline;
    private final ExceptionLog exceptions;
    private final Clock clock;

    OrderPoll(TenantTransactions transactions, PollMarks marks, ChannelService channels, OrderPipeline pipeline,
            ExceptionLog exceptions, Clock clock) {
        this.transactions = transactions;
        this.marks = marks;
        this.channels = channels;
        this.pipeline = pipeline;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    /** More of Shopify's search syntax after the time condition, or empty. */
    abstract String filter();

    @Override
    public FlowResult shadow(TenantId tenant, UUID connectionId) {
        // reading orders sends nothing: the pipeline keeps them as shadow orders while the order import is not live
        return run(tenant, connectionId);
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        var client = channels.shopifyClient(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        PollRun poll = new PollRun(marks, tenant, connectionId, flow());
        String cursor = null;
        try {
            do {
                var page = client.ordersUpdatedSince(poll.since(), filter(), cursor, PAGE_SIZE);
                for (PolledOrder polled : page.orders()) {
                    switch (polled) {
                        case PolledOrder.Parsed parsed -> {
                            CanonicalOrder order = parsed.order();
                            poll.seen(order.updatedAt());
                            poll.keep("orders/poll", "order:" + order.channelOrderId() + ":"
                                    + order.updatedAt().toEpochMilli(), parsed.rawJson());
                        }
                        case PolledOrder.Rejected rejected -> {
                            poll.seen(null);
                            poll.failedOne();
                            transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null,
                                    rejected.problem().reasonCode().name(), "poll:" + Text.sha256(rejected.rawJson()),
                                    "Shopify order read by polling", rejected.problem().getMessage(),
                                    rejected.rawJson()));
                        }
                    }
                }
                cursor = page.hasNextPage() ? page.nextCursor() : null;
            } while (cursor != null);
        } catch (ShopifyApiException unreachable) {
            // the store did not answer (or refused): what was read so far is kept, and the mark moves past it only
            poll.failed(transactions, exceptions, "CHANNEL_UNAVAILABLE", "poll:" + connectionId,
                    flow().label() + " from Shopify", unreachable.getMessage());
        }
        // Shopify returns orders in order of change, so the mark may move past what was read even after a failure
        poll.finish(pipeline, true);
        return poll.result(clock, "");
    }


    /** The order import: every order the store changed. */
    @Component
    static class OrderImport extends OrderPoll {

        OrderImport(TenantTransactions transactions, PollMarks marks, ChannelService channels,
                OrderPipeline pipeline, ExceptionLog exceptions, Clock clock) {
            super(transactions, marks, channels, pipeline, exceptions, clock);
        }

        @Override
        public Flow flow() {
            return Flow.ORDER_IMPORT;
        }

        @Override
        String filter() {
            return "";
        }
    }

    /** The cancellations' backfill: the orders the store cancelled, for the webhooks that never came. */
    @Component
    static class Cancellations extends OrderPoll {

        Cancellations(TenantTransactions transactions, PollMarks marks, ChannelService channels,
                OrderPipeline pipeline, ExceptionLog exceptions, Clock clock) {
            super(transactions, marks, channels, pipeline, exceptions, clock);
        }

        @Override
        public Flow flow() {
            return Flow.CANCELLATIONS;
        }

        @Override
        String filter() {
            return "status:cancelled";
        }
    }
}
