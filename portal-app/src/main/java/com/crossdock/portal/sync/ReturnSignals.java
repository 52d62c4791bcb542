package com.crossdock.portal.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sync engine's outbox toward the store for returns: the RMA's feature queues the refund signal of a return
 * once every unit's disposition is decided, inside its own tenant transaction; the returns write-back flow posts it.
 * Queued once per RMA. Returns' problems go to the exception list through it too.
 */
@Component
public class ReturnSignals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Journey journey;
    private final ExceptionLog exceptions;
    private final Clock clock;

    ReturnSignals(JdbcClient jdbc, Journey journey, ExceptionLog exceptions, Clock clock) {
        this.jdbc = jdbc;
        this.journey = journey;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    /**
     * Inside the caller's tenant transaction: a return that cannot move becomes an open exception (flow
     * {@code RETURNS}) with its raw input, in the same list as every other integration exception.
     */
    public void recordProblem(@Nullable UUID connectionId, String reasonCode, String fingerprint, String subject,
            String message, String rawInput) {
        exceptions.record("RETURNS", connectionId, null, reasonCode, fingerprint, subject, message, rawInput);
    }

    /**
     * Units of one order line to refund.
     *
     * @param channelLineId the channel's id of the order line
     * @param quantity      units
     * @param restock       whether they are back in sellable stock
     */
    public record Line(String channelLineId, int quantity, boolean restock) {
    }

    /**
     * Inside the caller's tenant transaction: queues the refund of an RMA's units for the store of
     * {@code connectionId}, with a journey step on the order when there is one.
     *
     * @return whether it was queued now (false: it was queued before)
     */
    public boolean queueRefund(UUID connectionId, UUID rmaId, String rmaNumber, @Nullable UUID orderId,
            String channelOrderId, List<Line> lines) {
        List<Map<String, Object>> json = lines.stream().map(line -> Map.<String, Object>of("channelLineId",
                line.channelLineId(), "quantity", line.quantity(), "restock", line.restock())).toList();
        boolean queued = jdbc.sql("""
                INSERT INTO return_signal (tenant_id, id, connection_id, rma_id, rma_number, order_id,
                                           channel_order_id, lines, status, created_at)
                VALUES (crossdock_current_tenant(), :id, :connection, :rma, :number, :order, :channelOrder, :lines,
                        'PENDING', :now)
                ON CONFLICT (tenant_id, rma_id) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("connection", connectionId).param("rma", rmaId)
                .param("number", rmaNumber).param("order", orderId).param("channelOrder", channelOrderId)
                .param("lines", JSON.writeValueAsString(json)).param("now", Timestamp.from(clock.instant()))
                .update() > 0;
        if (queued && orderId != null) {
            int restocked = lines.stream().filter(Line::restock).mapToInt(Line::quantity).sum();
            int units = lines.stream().mapToInt(Line::quantity).sum();
            journey.step(orderId, "RETURN_DISPOSITIONED", rmaNumber + ": " + units + " units inspected, " + restocked
                    + " back in stock; the refund goes to the store with the next returns write-back");
        }
        return queued;
    }
}
