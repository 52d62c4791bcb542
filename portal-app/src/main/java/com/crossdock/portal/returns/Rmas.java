package com.crossdock.portal.returns;

import com.crossdock.portal.sync.ReturnSignals;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RMA records, always inside a tenant transaction someone else opened: create one with its lines, read it, and
 * move its status after each change to its units (queueing the store's refund when every unit is decided).
 */
@Component
class Rmas {

    private final JdbcClient jdbc;
    private final ReturnSignals signals;
    private final Clock clock;

    Rmas(JdbcClient jdbc, ReturnSignals signals, Clock clock) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.clock = clock;
    }

    /** A line to create: catalog SKU, units, the channel's line (or blank) and how many units one channel unit is. */
    record NewLine(String sku, int quantity, String reason, String channelLineId, int perChannelUnit) {
    }

    /** Where an RMA comes from. */
    record Origin(String source, @Nullable UUID channelReturnId, @Nullable UUID connectionId, @Nullable UUID orderId,
            String channelOrderId, String orderName, String channelSignal) {
    }

    UUID create(Origin origin, String note, List<NewLine> lines, String by) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        // one numbering per tenant; the lock keeps two RMAs from taking the same number
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('rma:' || crossdock_current_tenant()::text))")
                .query().singleRow();
        long next = jdbc.sql("SELECT count(*) + 1 FROM rma").query(Long.class).single();
        String number = "RMA-%06d".formatted(next);
        jdbc.sql("""
                INSERT INTO rma (tenant_id, id, number, source, channel_return_id, connection_id, order_id,
                                 channel_order_id, order_name, status, channel_signal, note, created_by, created_at,
                                 updated_at)
                VALUES (crossdock_current_tenant(), :id, :number, :source, :channelReturn, :connection, :order,
                        :channelOrder, :orderName, 'EXPECTED', :signal, :note, :by, :now, :now)""")
                .param("id", id).param("number", number).param("source", origin.source())
                .param("channelReturn", origin.channelReturnId()).param("connection", origin.connectionId())
                .param("order", origin.orderId()).param("channelOrder", origin.channelOrderId())
                .param("orderName", origin.orderName()).param("signal", origin.channelSignal())
                .param("note", note).param("by", by).param("now", now).update();
        int no = 0;
        for (NewLine line : lines) {
            jdbc.sql("""
                    INSERT INTO rma_line (tenant_id, id, rma_id, line_no, master_sku, channel_line_id, reason,
                                          expected_qty, per_channel_unit)
                    VALUES (crossdock_current_tenant(), :id, :rma, :no, :sku, :channelLine, :reason, :qty, :per)""")
                    .param("id", UUID.randomUUID()).param("rma", id).param("no", ++no).param("sku", line.sku())
                    .param("channelLine", line.channelLineId()).param("reason", line.reason())
                    .param("qty", line.quantity()).param("per", line.perChannelUnit()).update();
        }
        return id;
    }

    Optional<RmaView> find(UUID id) {
        List<RmaView.Unit> units = jdbc.sql("""
                SELECT id, master_sku, condition, received_at, disposition, disposition_rule, disposition_note
                FROM rma_unit WHERE rma_id = :id ORDER BY received_at, id""").param("id", id)
                .query((rs, n) -> new RmaView.Unit(rs.getObject(1, UUID.class), rs.getString(2),
                        UnitCondition.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                        rs.getString(5) == null ? null : Disposition.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7))).list();
        Map<String, Integer> received = new HashMap<>();
        units.forEach(unit -> received.merge(unit.sku(), 1, Integer::sum));
        List<RmaView.Line> lines = jdbc.sql("""
                SELECT master_sku, expected_qty, reason FROM rma_line WHERE rma_id = :id ORDER BY line_no""")
                .param("id", id).query((rs, n) -> new RmaView.Line(rs.getString(1), rs.getInt(2),
                        received.getOrDefault(rs.getString(1), 0), rs.getString(3))).list();
        return jdbc.sql("""
                SELECT id, number, status, source, order_name, note, channel_signal, channel_refund, receipt_complete,
                       created_at, updated_at
                FROM rma WHERE id = :id""").param("id", id)
                .query((rs, n) -> new RmaView(rs.getObject(1, UUID.class), rs.getString(2),
                        RmaStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11).toInstant(), lines, units)).optional();
    }

    /** Locks the RMA's row for a change to it or its units; empty when the tenant has no such RMA. */
    Optional<RmaStatus> lock(UUID id) {
        return jdbc.sql("SELECT status FROM rma WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> RmaStatus.valueOf(rs.getString(1))).optional();
    }

    /**
     * The status the RMA's units and receipt call for; once dispositioned, the store's refund is queued (when the
     * RMA came from a store's return) and an RMA with nothing to tell stays dispositioned until a person closes it.
     */
    RmaStatus settle(UUID id) {
        record Counts(String status, boolean complete, int expected, int units, int held, String signal) {
        }
        Counts counts = jdbc.sql("""
                SELECT r.status, r.receipt_complete,
                       (SELECT coalesce(sum(expected_qty), 0) FROM rma_line l WHERE l.rma_id = r.id),
                       (SELECT count(*) FROM rma_unit u WHERE u.rma_id = r.id),
                       (SELECT count(*) FROM rma_unit u WHERE u.rma_id = r.id AND u.disposition IS NULL),
                       r.channel_signal
                FROM rma r WHERE r.id = :id""").param("id", id)
                .query((rs, n) -> new Counts(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getString(6))).single();
        if (counts.status().equals("CLOSED")) {
            return RmaStatus.CLOSED;
        }
        boolean allIn = counts.complete() || counts.units() >= counts.expected();
        RmaStatus status = counts.units() == 0 && !counts.complete() ? RmaStatus.EXPECTED
                : !allIn ? RmaStatus.RECEIVED
                : counts.held() > 0 ? RmaStatus.ON_HOLD
                : RmaStatus.DISPOSITIONED;
        String signal = counts.signal();
        if (status == RmaStatus.DISPOSITIONED && signal.equals("WAITING")) {
            signal = queueRefund(id) ? "QUEUED" : "NONE";
        }
        if (status == RmaStatus.DISPOSITIONED && counts.units() == 0) {
            status = RmaStatus.CLOSED;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                UPDATE rma SET status = :status, channel_signal = :signal, updated_at = :now, closed_at = :closed
                WHERE id = :id""").param("id", id).param("status", status.name()).param("signal", signal)
                .param("now", now).param("closed", status == RmaStatus.CLOSED ? now : null, java.sql.Types.TIMESTAMP)
                .update();
        return status;
    }

    /** Hands the refund of the received units to the sync engine; false when there is nothing to refund. */
    private boolean queueRefund(UUID id) {
        record Head(@Nullable UUID connection, String number, @Nullable UUID order, String channelOrder) {
        }
        Head head = jdbc.sql("SELECT connection_id, number, order_id, channel_order_id FROM rma WHERE id = :id")
                .param("id", id).query((rs, n) -> new Head(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4))).single();
        record Part(String channelLine, int perChannelUnit, String sku, int units, int restocked) {
        }
        List<Part> parts = jdbc.sql("""
                SELECT l.channel_line_id, l.per_channel_unit, l.master_sku, count(u.id),
                       count(u.id) FILTER (WHERE u.disposition = 'RESTOCK_AVAILABLE')
                FROM rma_line l LEFT JOIN rma_unit u ON u.line_id = l.id
                WHERE l.rma_id = :id AND l.channel_line_id <> ''
                GROUP BY l.id, l.channel_line_id, l.per_channel_unit, l.master_sku ORDER BY l.channel_line_id""")
                .param("id", id).query((rs, n) -> new Part(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5))).list();
        // a channel unit counts once all its parts came back (a bundle: every component); restocked likewise
        Map<String, int[]> byChannelLine = new LinkedHashMap<>();
        for (Part part : parts) {
            int[] counts = byChannelLine.computeIfAbsent(part.channelLine(),
                    k -> new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE});
            counts[0] = Math.min(counts[0], part.units() / part.perChannelUnit());
            counts[1] = Math.min(counts[1], part.restocked() / part.perChannelUnit());
        }
        List<ReturnSignals.Line> lines = new ArrayList<>();
        byChannelLine.forEach((channelLine, counts) -> {
            if (counts[1] > 0) {
                lines.add(new ReturnSignals.Line(channelLine, counts[1], true));
            }
            if (counts[0] - counts[1] > 0) {
                lines.add(new ReturnSignals.Line(channelLine, counts[0] - counts[1], false));
            }
        });
        if (lines.isEmpty() || head.connection() == null) {
            return false;
        }
        signals.queueRefund(head.connection(), id, head.number(), head.order(), head.channelOrder(), lines);
        return true;
    }
}
