package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.shopify.ReturnRefundRequest;
import com.crossdock.portal.channel.shopify.ShopifyAdminClient;
import com.crossdock.portal.channel.shopify.ShopifyApiException;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The returns write-back flow: each RMA whose units all have a disposition becomes one refund in Shopify, units back
 * in stock restocked ({@code RETURN}) at the connection's primary location and the others not
 * ({@code NO_RESTOCK}). Sent with the RMA's idempotency key, so a run that ended without an answer simply sends it
 * again and Shopify refunds once. Shopify's refusal is a FAILED signal and an exception.
 */
@Component
class ReturnWriteback implements FlowWork {

    private static final int BATCH = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ChannelService channels;
    private final ExceptionLog exceptions;
    private final Journey journey;
    private final ObjectProvider<ReturnAuthorizations> authorizations;
    private final Clock clock;

    ReturnWriteback(TenantTransactions transactions, JdbcClient jdbc, ChannelService channels,
            ExceptionLog exceptions, Journey journey, ObjectProvider<ReturnAuthorizations> authorizations,
            Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.channels = channels;
        this.exceptions = exceptions;
        this.journey = journey;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    public Flow flow() {
        return Flow.RETURNS_WRITEBACK;
    }

    private record Due(UUID id, UUID rmaId, String rmaNumber, @Nullable UUID orderId, String channelOrderId,
            List<ReturnRefundRequest.Line> lines) {
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        List<Due> due = transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, rma_id, rma_number, order_id, channel_order_id, lines FROM return_signal
                WHERE connection_id = :connection AND status IN ('PENDING', 'POSTING')
                ORDER BY created_at, id LIMIT :limit""")
                .param("connection", connectionId).param("limit", BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), lines(rs.getString(6)))).list());
        if (due.isEmpty()) {
            return FlowResult.of(0, 0, 0);
        }
        ShopifyAdminClient client = channels.shopifyClient(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId));
        String location = due.stream().anyMatch(signal -> signal.lines().stream()
                .anyMatch(ReturnRefundRequest.Line::restock)) ? client.primaryLocationId() : null;
        int posted = 0;
        int failed = 0;
        for (Due signal : due) {
            transactions.writeAll(tenant, () -> jdbc.sql("""
                    UPDATE return_signal SET status = 'POSTING', attempts = attempts + 1 WHERE id = :id""")
                    .param("id", signal.id()).update());
            try {
                String refund = client.createReturnRefund(new ReturnRefundRequest(gid("Order",
                        signal.channelOrderId()), signal.lines(), location, "Crossdock " + signal.rmaNumber(),
                        "crossdock-rma-" + signal.rmaId()));
                transactions.writeAll(tenant, () -> posted(signal, refund));
                posted++;
            } catch (ShopifyApiException refused) {
                if (refused.kind() == ShopifyApiException.Kind.USER_ERRORS
                        || refused.kind() == ShopifyApiException.Kind.GRAPHQL_ERRORS
                        || refused.kind() == ShopifyApiException.Kind.NOT_FOUND) {
                    failed++;
                    String message = "Shopify refused the refund of " + signal.rmaNumber() + ": "
                            + String.join("; ", refused.messages()) + ". Check the order in Shopify (refunded by "
                            + "hand?), then retry or resolve this.";
                    transactions.writeAll(tenant, () -> failed(connectionId, signal, message));
                    continue;
                }
                // unavailable or no answer: the signal stays POSTING and goes again with its key next run
                String message = refused.getMessage();
                transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null,
                        "CHANNEL_UNAVAILABLE", "returns-writeback:" + connectionId, "Returns write-back to Shopify",
                        message, ""));
                return new FlowResult(due.size(), posted, failed + 1, null, true, message);
            }
        }
        return FlowResult.of(due.size(), posted, failed);
    }

    private void posted(Due signal, String refund) {
        jdbc.sql("""
                UPDATE return_signal SET status = 'POSTED', refund_ref = :refund, posted_at = :now, message = ''
                WHERE id = :id""").param("id", signal.id()).param("refund", refund)
                .param("now", Timestamp.from(clock.instant())).update();
        if (signal.orderId() != null) {
            journey.step(signal.orderId(), "RETURN_REFUNDED", signal.rmaNumber() + ": Shopify refund " + refund);
        }
        ReturnAuthorizations returns = authorizations.getIfAvailable();
        if (returns != null) {
            returns.channelTold(signal.rmaId(), refund);
        }
    }

    private void failed(UUID connectionId, Due signal, String message) {
        jdbc.sql("UPDATE return_signal SET status = 'FAILED', message = :message WHERE id = :id")
                .param("id", signal.id()).param("message", Text.clip(message, 2000)).update();
        exceptions.record(flow(), connectionId, null, "RETURN_REFUND_REFUSED", "rma:" + signal.rmaId(),
                signal.rmaNumber(), message, signal.toString());
    }

    private static List<ReturnRefundRequest.Line> lines(String json) {
        JsonNode lines = JSON.readTree(json);
        return java.util.stream.StreamSupport.stream(lines.spliterator(), false)
                .map(line -> new ReturnRefundRequest.Line(gid("LineItem",
                        line.path("channelLineId").asString()), line.path("quantity").asInt(),
                        line.path("restock").asBoolean())).toList();
    }

    private static String gid(String type, String id) {
        return id.startsWith("gid://") ? id : "gid://shopify/" + type + "/" + id;
    }
}
