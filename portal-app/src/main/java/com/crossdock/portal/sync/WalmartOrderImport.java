package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.walmart.WalmartApiException;
import com.crossdock.portal.channel.walmart.WalmartOrderParser;
import com.crossdock.portal.channel.walmart.WalmartPayloadException;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order import of a Walmart connection: {@code getAllOrders} for the purchase orders changed since the flow's
 * mark (a minute of overlap, like the other polls), page by page with {@code nextCursor}, each kept in the inbox as
 * Walmart sent it (deduplicated by purchase order and content) for the same pipeline as every channel's orders;
 * cancelled lines arrive the same way and cancel through the pipeline. Then every order Walmart still shows as
 * {@code Created} that the pipeline stored is acknowledged, in the same run, well within Walmart's deadline; an
 * order already acknowledged is no longer {@code Created} and is never acknowledged again. If Walmart fails the run,
 * what was kept is processed and the mark stays.
 */
@Component
class WalmartOrderImport implements FlowWork {

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final PollMarks marks;
    private final ChannelService channels;
    private final OrderPipeline pipeline;
    private final ExceptionLog exceptions;
    private final Journey journey;
    private final Clock clock;
    private final WalmartOrderParser parser = new WalmartOrderParser();

    WalmartOrderImport(TenantTransactions transactions, JdbcClient jdbc, PollMarks marks, ChannelService channels,
            OrderPipeline pipeline, ExceptionLog exceptions, Journey journey, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.marks = marks;
        this.channels = channels;
        this.pipeline = pipeline;
        this.exceptions = exceptions;
        this.journey = journey;
        this.clock = clock;
    }

    @Override
    public Flow flow() {
        return Flow.ORDER_IMPORT;
    }

    @Override
    public String channel() {
        return "WALMART";
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        return importOrders(tenant, connectionId, true);
    }

    /**
     * Shadow mode: the orders are read and kept as usual (the pipeline keeps them as shadow orders), but none is
     * acknowledged to Walmart: acknowledging promises the seller ships it, which the live system still does.
     */
    @Override
    public FlowResult shadow(TenantId tenant, UUID connectionId) {
        return importOrders(tenant, connectionId, false);
    }

    private FlowResult importOrders(TenantId tenant, UUID connectionId, boolean acknowledge) {
        var account = channels.walmartAccount(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        PollRun poll = new PollRun(marks, tenant, connectionId, flow());
        Set<String> awaiting = new LinkedHashSet<>();
        String cursor = null;
        try {
            do {
                var page = account.client().orders(poll.since(), cursor);
                for (String order : page.orders()) {
                    String id = parser.purchaseOrderIdOf(order);
                    Instant updated = null;
                    try {
                        var parsed = parser.parseOrder(order.getBytes(StandardCharsets.UTF_8));
                        updated = parsed.order().updatedAt();
                        if (parsed.awaitingAcknowledgement()) {
                            awaiting.add(parsed.order().channelOrderId());
                        }
                    } catch (WalmartPayloadException unusable) {
                        // kept all the same: the pipeline records it as an exception with the raw order
                        poll.failedOne();
                    }
                    poll.seen(updated);
                    poll.keep("walmart/orders", "walmart:" + (id == null ? "raw" : id) + ":" + Text.sha256(order),
                            order);
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (WalmartApiException | WalmartPayloadException unusable) {
            unavailable(poll, connectionId, unusable);
        }
        poll.hand(pipeline);
        int acknowledged = 0;
        for (String purchaseOrder : acknowledge ? awaiting : Set.<String>of()) {
            Optional<UUID> stored = storedOrder(tenant, connectionId, purchaseOrder);
            if (stored.isEmpty() || poll.hasFailed()) {
                // not stored (its payload was unusable): acknowledging would promise what nobody can ship
                continue;
            }
            try {
                account.client().acknowledge(purchaseOrder);
                acknowledged++;
                transactions.writeAll(tenant, () -> journey.step(stored.get(), "ACKNOWLEDGED",
                        "Acknowledged to Walmart: the seller has the purchase order and will ship it"));
            } catch (WalmartApiException refused) {
                if (!refused.refused()) {
                    unavailable(poll, connectionId, refused);
                    break;
                }
                poll.failedOne();
                String message = "Walmart refused the acknowledgement of purchase order " + purchaseOrder + ": "
                        + refused.getMessage() + ". Check the order in Seller Center; the next run tries again "
                        + "while Walmart still shows it as Created.";
                transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null,
                        "ACKNOWLEDGE_REFUSED", "ack:" + connectionId + ":" + purchaseOrder, "Order " + purchaseOrder,
                        message, ""));
            }
        }
        // only after the acknowledgements: one Walmart did not take is read again, still Created, by the next run
        poll.advance(false);
        return poll.result(clock, !acknowledge ? "Shadow mode: " + poll.keptCount() + " order version(s) kept, none "
                + "acknowledged to Walmart" : acknowledged > 0 ? acknowledged + " purchase order(s) acknowledged to "
                + "Walmart" : "");
    }

    private Optional<UUID> storedOrder(TenantId tenant, UUID connectionId, String purchaseOrder) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id FROM sales_order WHERE connection_id = :connection AND channel_order_id = :order""")
                .param("connection", connectionId).param("order", purchaseOrder).query(UUID.class).optional());
    }

    private void unavailable(PollRun poll, UUID connectionId, RuntimeException problem) {
        poll.failed(transactions, exceptions, problem instanceof WalmartApiException ? "CHANNEL_UNAVAILABLE"
                : "UNUSABLE_PAGE", "poll:" + connectionId, flow().label() + " from Walmart", problem.getMessage());
    }
}
