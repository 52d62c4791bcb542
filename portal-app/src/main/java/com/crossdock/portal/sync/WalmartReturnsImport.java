package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.walmart.WalmartApiException;
import com.crossdock.portal.channel.walmart.WalmartPayloadException;
import com.crossdock.portal.channel.walmart.WalmartReturnParser;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The refunds and returns flow of a Walmart connection, which Walmart does not push: {@code getReturns} for the
 * return orders changed since the flow's mark (a minute of overlap, like the order import), page by page with
 * {@code nextCursor}, each kept in the inbox as Walmart sent it (deduplicated by return order and content) before
 * anything reads it. The pipeline hands each to {@link ReturnsIntake} like a Shopify return webhook: an RMA against
 * the purchase order Crossdock imported, or an exception with the raw return. A redelivered return changes nothing.
 * If Walmart fails the run, what was kept is processed and the mark stays.
 */
@Component
class WalmartReturnsImport implements FlowWork {

    private final TenantTransactions transactions;
    private final PollMarks marks;
    private final ChannelService channels;
    private final OrderPipeline pipeline;
    private final ExceptionLog exceptions;
    private final Clock clock;
    private final WalmartReturnParser parser = new WalmartReturnParser();

    WalmartReturnsImport(TenantTransactions transactions, PollMarks marks, ChannelService channels,
            OrderPipeline pipeline, ExceptionLog exceptions, Clock clock) {
        this.transactions = transactions;
        this.marks = marks;
        this.channels = channels;
        this.pipeline = pipeline;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    @Override
    public Flow flow() {
        return Flow.RETURNS_IMPORT;
    }

    @Override
    public String channel() {
        return "WALMART";
    }

    /**
     * Shadow mode reads as usual: an RMA only tells the warehouse what comes back, and nothing reaches Walmart
     * until the returns write-back is live.
     */
    @Override
    public FlowResult shadow(TenantId tenant, UUID connectionId) {
        return run(tenant, connectionId);
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        var account = channels.walmartAccount(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        PollRun poll = new PollRun(marks, tenant, connectionId, flow());
        String cursor = null;
        try {
            do {
                var page = account.client().returns(poll.since(), cursor);
                for (String returnOrder : page.returns()) {
                    Instant updated = null;
                    try {
                        for (var part : parser.parseReturn(returnOrder.getBytes(StandardCharsets.UTF_8))) {
                            Instant at = part.request().updatedAt();
                            updated = updated == null || at.isAfter(updated) ? at : updated;
                        }
                    } catch (WalmartPayloadException broken) {
                        // kept all the same: the pipeline records it as an exception with the raw return
                        poll.failedOne();
                    }
                    poll.seen(updated);
                    String id = parser.returnOrderIdOf(returnOrder);
                    poll.keep(ReturnsIntake.WALMART_RETURNS, "walmart-return:" + (id == null ? "raw" : id) + ":"
                            + Text.sha256(returnOrder), returnOrder);
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (WalmartApiException | WalmartPayloadException problem) {
            poll.failed(transactions, exceptions, problem instanceof WalmartApiException ? "CHANNEL_UNAVAILABLE"
                    : "UNUSABLE_PAGE", "returns-poll:" + connectionId, "Returns from Walmart", problem.getMessage());
        }
        poll.finish(pipeline, false);
        return poll.result(clock, poll.keptCount() == 0 ? "" : poll.keptCount()
                + " Walmart return version(s) kept");
    }
}
