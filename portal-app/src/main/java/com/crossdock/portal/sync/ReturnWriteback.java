package com.crossdock.portal.sync;

import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The returns write-back flow of every channel that takes refunds ({@link RefundChannel}: Shopify, Walmart): each RMA
 * whose units all have a disposition becomes one refund in the channel. Marked POSTING before the call and sent with
 * the RMA's idempotency key, so a run that ended without an answer simply sends it again and the channel refunds
 * once. The channel's refusal is a FAILED signal and a {@code RETURN_REFUND_REFUSED} exception naming its reasons; a
 * channel that does not answer ends the run and the signal goes with the next.
 */
@Component
class ReturnWriteback implements FlowWork {

    private static final int BATCH = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ExceptionLog exceptions;
    private final Journey journey;
    private final ObjectProvider<ReturnAuthorizations> authorizations;
    private final Clock clock;
    private final Map<String, RefundChannel> channels;

    ReturnWriteback(TenantTransactions transactions, JdbcClient jdbc, List<RefundChannel> channels,
            ExceptionLog exceptions, Journey journey, ObjectProvider<ReturnAuthorizations> authorizations,
            Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(RefundChannel::channel,
                Function.identity()));
        this.exceptions = exceptions;
        this.journey = journey;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    public Flow flow() {
        return Flow.RETURNS_WRITEBACK;
    }

    @Override
    public Set<String> channels() {
        return channels.keySet();
    }

    @Override
    public FlowResult run(TenantId tenant, UUID connectionId) {
        List<RefundChannel.Signal> due = transactions.read(tenant, () -> jdbc.sql("""
                SELECT id, rma_id, rma_number, order_id, channel_order_id, lines, status FROM return_signal
                WHERE connection_id = :connection AND status IN ('PENDING', 'POSTING')
                ORDER BY created_at, id LIMIT :limit""")
                .param("connection", connectionId).param("limit", BATCH)
                .query((rs, n) -> new RefundChannel.Signal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), lines(rs.getString(6)),
                        rs.getString(7).equals("POSTING"))).list());
        if (due.isEmpty()) {
            return FlowResult.of(0, 0, 0);
        }
        String name = transactions.read(tenant, () -> jdbc.sql(
                "SELECT channel FROM channel_connection WHERE id = :id").param("id", connectionId)
                .query(String.class).single());
        RefundChannel channel = channels.get(name);
        if (channel == null) {
            return new FlowResult(due.size(), 0, 0, null, false, due.size() + " refund(s) wait, but Crossdock cannot "
                    + "write refunds back to " + name + " yet: refund them there by hand, then close the RMAs.");
        }
        RefundChannel.Session session = channel.open(tenant, connectionId, due);
        int posted = 0;
        int failed = 0;
        for (RefundChannel.Signal signal : due) {
            transactions.writeAll(tenant, () -> jdbc.sql("""
                    UPDATE return_signal SET status = 'POSTING', attempts = attempts + 1 WHERE id = :id""")
                    .param("id", signal.id()).update());
            try {
                String refund = session.post(signal);
                transactions.writeAll(tenant, () -> posted(channel, signal, refund));
                posted++;
            } catch (RefundChannel.Refused refused) {
                failed++;
                String message = channel.label() + " refused the refund of " + signal.rmaNumber() + ": "
                        + refused.getMessage() + ". Check the order in " + channel.where() + " (refunded by hand?), "
                        + "then retry or resolve this.";
                transactions.writeAll(tenant, () -> failed(connectionId, signal, message));
            } catch (RefundChannel.Unavailable unavailable) {
                // no answer: the signal stays POSTING and goes again with its key next run
                String message = unavailable.getMessage();
                transactions.writeAll(tenant, () -> exceptions.record(flow(), connectionId, null,
                        "CHANNEL_UNAVAILABLE", "returns-writeback:" + connectionId, "Returns write-back to "
                                + channel.label(), message, ""));
                return new FlowResult(due.size(), posted, failed + 1, null, true, message);
            }
        }
        return FlowResult.of(due.size(), posted, failed);
    }

    private void posted(RefundChannel channel, RefundChannel.Signal signal, String refund) {
        jdbc.sql("""
                UPDATE return_signal SET status = 'POSTED', refund_ref = :refund, posted_at = :now, message = ''
                WHERE id = :id""").param("id", signal.id()).param("refund", Text.clip(refund, 100))
                .param("now", Timestamp.from(clock.instant())).update();
        if (signal.orderId() != null) {
            journey.step(signal.orderId(), "RETURN_REFUNDED", signal.rmaNumber() + ": " + channel.label()
                    + " refund " + refund);
        }
        ReturnAuthorizations returns = authorizations.getIfAvailable();
        if (returns != null) {
            returns.channelTold(signal.rmaId(), refund);
        }
    }

    private void failed(UUID connectionId, RefundChannel.Signal signal, String message) {
        jdbc.sql("UPDATE return_signal SET status = 'FAILED', message = :message WHERE id = :id")
                .param("id", signal.id()).param("message", Text.clip(message, 2000)).update();
        exceptions.record(flow(), connectionId, null, "RETURN_REFUND_REFUSED", "rma:" + signal.rmaId(),
                signal.rmaNumber(), message, signal.toString());
    }

    private static List<ReturnSignals.Line> lines(String json) {
        JsonNode lines = JSON.readTree(json);
        return StreamSupport.stream(lines.spliterator(), false).map(line -> new ReturnSignals.Line(
                line.path("channelLineId").asString(), line.path("quantity").asInt(),
                line.path("restock").asBoolean())).toList();
    }
}
