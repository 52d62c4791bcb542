package com.crossdock.portal.sync;

import com.crossdock.portal.channel.shopify.ShopifyRefundParser;
import com.crossdock.portal.channel.walmart.WalmartReturnParser;
import com.crossdock.portal.order.ChannelRefund;
import com.crossdock.portal.order.ChannelReturn;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refunds and returns flow: refunds and return requests the store reports by webhook (Walmart's return orders,
 * which its returns import reads, the same way), kept per order (a repeat
 * updates the one record) with a step in the order's journey, so receiving knows what may come back. A refund or
 * return for an order Crossdock never imported is kept too, without its order. Switched off, they are kept in the
 * inbox and not applied.
 */
@Component
class ReturnsIntake {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Journey journey;
    private final Clock clock;
    private final ExceptionLog exceptions;
    private final ObjectProvider<ReturnAuthorizations> authorizations;
    private final ShopifyRefundParser parser = new ShopifyRefundParser();
    private final WalmartReturnParser walmartParser = new WalmartReturnParser();

    ReturnsIntake(JdbcClient jdbc, Journey journey, Clock clock, ExceptionLog exceptions,
            ObjectProvider<ReturnAuthorizations> authorizations) {
        this.jdbc = jdbc;
        this.journey = journey;
        this.clock = clock;
        this.exceptions = exceptions;
        this.authorizations = authorizations;
    }

    /** The inbox topic of a Walmart return order as the returns import read it. */
    static final String WALMART_RETURNS = "returns/walmart";

    static boolean handles(String topic) {
        return topic.startsWith("refunds/") || topic.startsWith("returns/");
    }

    /**
     * Inside the inbox entry's tenant transaction: applies a refund or return webhook, or ignores it when off;
     * {@code EXCEPTION} when it is kept but returns could not take it (an exception says why, and its Retry
     * processes the entry again).
     */
    String apply(UUID inboxId, UUID connectionId, String topic, String payload) {
        boolean enabled = jdbc.sql("""
                SELECT coalesce((SELECT enabled FROM channel_flow WHERE connection_id = :connection
                                 AND flow = 'RETURNS_IMPORT'), TRUE)""")
                .param("connection", connectionId).query(Boolean.class).single();
        if (!enabled) {
            return "IGNORED";
        }
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        boolean taken;
        if (topic.startsWith("refunds/")) {
            ChannelRefund refund = parser.parseRefund(body);
            List<Map<String, Object>> lines = refund.lines().stream().map(line -> Map.<String, Object>of(
                    "channelLineId", line.channelLineId(), "sku", line.sku(), "quantity", line.quantity(),
                    "restock", line.restock())).toList();
            Kept kept = keep(connectionId, refund.channelOrderId(), "REFUND", refund.channelRefundId(), "SUCCESS",
                    refund.restocks(), refund.amount(), refund.currency(), refund.note(), lines, refund.createdAt(),
                    now);
            Optional<UUID> order = kept.order();
            taken = authorize(inboxId, kept, SalesChannel.SHOPIFY, payload, refund.lines().stream().map(line ->
                    new ChannelReturnArrival.Line(line.channelLineId(), line.sku(), line.quantity(), "",
                            line.restock())).toList());
            order.ifPresent(id -> journey.step(id, now, "REFUNDED", "Shopify refund " + refund.channelRefundId()
                    + (refund.amount() == null ? "" : " of " + refund.amount() + " " + refund.currency())
                    + (refund.lines().isEmpty() ? "" : ", " + units(refund.lines().stream()
                            .mapToInt(ChannelRefund.Line::quantity).sum()))
                    + (refund.restocks() ? ", back to stock" : "")));
        } else if (topic.equals(WALMART_RETURNS)) {
            taken = true;
            for (WalmartReturnParser.Part part : walmartParser.parseReturn(body)) {
                taken &= takeReturn(inboxId, connectionId, SalesChannel.WALMART, part.request(), part.amount(),
                        part.currency(), payload, now);
            }
        } else {
            taken = takeReturn(inboxId, connectionId, SalesChannel.SHOPIFY, parser.parseReturn(body, now), null, null,
                    payload, now);
        }
        return taken ? "APPLIED" : "EXCEPTION";
    }

    /** Keeps a return request and hands it to returns; false when returns refused it. */
    private boolean takeReturn(UUID inboxId, UUID connectionId, SalesChannel channel, ChannelReturn request,
            java.math.@Nullable BigDecimal amount, @Nullable String currency, String payload, Instant now) {
        List<Map<String, Object>> lines = request.lines().stream().map(line -> Map.<String, Object>of(
                "channelLineId", line.channelLineId(), "sku", line.sku(), "quantity", line.quantity(),
                "reason", line.reason())).toList();
        Kept kept = keep(connectionId, request.channelOrderId(), "RETURN", request.channelReturnId(),
                request.status(), true, amount, currency, "", lines, request.updatedAt(), now);
        boolean taken = authorize(inboxId, kept, channel, payload, request.lines().stream().map(line ->
                new ChannelReturnArrival.Line(line.channelLineId(), line.sku(), line.quantity(), line.reason(),
                        true)).toList());
        kept.order().ifPresent(id -> journey.step(id, now, "RETURN_" + request.status(), channel.label() + " return "
                + request.channelReturnId() + ": " + units(request.lines().stream()
                        .mapToInt(ChannelReturn.Line::quantity).sum()) + " to come back ("
                + String.join(", ", request.lines().stream().map(ChannelReturn.Line::reason).distinct()
                        .toList()) + ")"));
        return taken;
    }

    /**
     * The kept record: its order (when Crossdock has it), and its id unless the store's version was older than the
     * one kept already (then nothing changed, here or in returns).
     */
    private record Kept(Optional<UUID> order, Optional<UUID> id, UUID connectionId, String channelOrderId,
            String kind, String ref, String status) {
    }

    private Kept keep(UUID connectionId, String channelOrderId, String kind, String ref, String status,
            boolean restock, java.math.@Nullable BigDecimal amount, @Nullable String currency, String note,
            List<Map<String, Object>> lines, Instant channelAt, Instant now) {
        Optional<UUID> order = jdbc.sql("""
                SELECT id FROM sales_order WHERE connection_id = :connection AND channel_order_id = :order""")
                .param("connection", connectionId).param("order", channelOrderId).query(UUID.class).optional();
        Optional<UUID> kept = jdbc.sql("""
                INSERT INTO channel_return (tenant_id, id, connection_id, order_id, channel_order_id, kind, channel_ref,
                                            status, restock, amount, currency, note, lines, channel_at, received_at)
                VALUES (crossdock_current_tenant(), :id, :connection, :order, :channelOrder, :kind, :ref, :status,
                        :restock, :amount, :currency, :note, :lines, :at, :now)
                ON CONFLICT (tenant_id, connection_id, kind, channel_ref) DO UPDATE SET status = excluded.status,
                    lines = excluded.lines, amount = excluded.amount, order_id = excluded.order_id,
                    channel_at = excluded.channel_at
                WHERE channel_return.channel_at <= excluded.channel_at
                RETURNING id""")
                .param("id", UUID.randomUUID()).param("connection", connectionId).param("order", order.orElse(null))
                .param("channelOrder", channelOrderId).param("kind", kind).param("ref", Text.clip(ref, 100))
                .param("status", Text.clip(status, 30)).param("restock", restock).param("amount", amount)
                .param("currency", currency).param("note", Text.clip(note, 2000))
                .param("lines", JSON.writeValueAsString(lines)).param("at", Timestamp.from(channelAt))
                .param("now", Timestamp.from(now)).query(UUID.class).optional();
        return new Kept(order, kept, connectionId, channelOrderId, kind, ref, status);
    }

    /**
     * Hands the kept record to returns in this transaction; what it cannot take becomes an exception with the
     * payload and the inbox entry (so Retry processes it again). False when returns refused it.
     */
    private boolean authorize(UUID inboxId, Kept kept, SalesChannel channel, String payload,
            List<ChannelReturnArrival.Line> lines) {
        ReturnAuthorizations returns = authorizations.getIfAvailable();
        if (returns == null || kept.id().isEmpty()) {
            return true;
        }
        ChannelReturnArrival arrival = new ChannelReturnArrival(kept.id().get(), kept.connectionId(),
                kept.order().orElse(null), kept.order().map(this::orderName).orElse(kept.channelOrderId()),
                kept.channelOrderId(), kept.kind(), kept.ref(), kept.status(), lines, payload, channel.label(),
                channel.skuAlias());
        List<ReturnAuthorizations.Problem> problems = returns.arrived(arrival);
        if (problems.isEmpty()) {
            // a retry that worked (the order imported since, the item mapped): its exceptions close themselves
            for (String reason : List.of("RETURN_UNKNOWN_ORDER", "RETURN_UNKNOWN_ITEM", "RETURN_BAD_QUANTITY")) {
                exceptions.resolveMoved(reason, "return:" + arrival.channelReturnId(), "The return moved on a retry");
            }
        }
        for (ReturnAuthorizations.Problem problem : problems) {
            exceptions.record(Flow.RETURNS_IMPORT, arrival.connectionId(), inboxId, problem.reasonCode(),
                    problem.fingerprint(), channel.label() + " " + arrival.kind().toLowerCase(java.util.Locale.ROOT)
                            + " " + arrival.channelRef() + " of order " + arrival.orderName(), problem.message(),
                    arrival.rawPayload());
        }
        return problems.isEmpty();
    }

    private String orderName(UUID orderId) {
        return jdbc.sql("SELECT order_name FROM sales_order WHERE id = :id").param("id", orderId)
                .query(String.class).single();
    }

    private static String units(int count) {
        return count == 1 ? "1 unit" : count + " units";
    }
}
