package com.crossdock.portal.warehouse;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the exchange writes down, inside the transactions of the work it records: control numbers taken (never
 * skipped, never reused: taken in the transaction that keeps the document), files kept as sent or received, and the
 * X12 documents of a tenant in them.
 */
@Component
class WmsLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    WmsLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The next control number of a kind (ISA, GS, ST) of a connection, advanced in the caller's transaction. */
    long take(UUID connectionId, String kind) {
        return jdbc.sql("""
                UPDATE x12_control_number SET next_value = CASE WHEN next_value >= 999999999 THEN 1
                                                                ELSE next_value + 1 END
                WHERE wms_connection_id = :connection AND kind = :kind
                RETURNING CASE WHEN next_value = 1 THEN 999999999 ELSE next_value - 1 END""")
                .param("connection", connectionId).param("kind", kind).query(Long.class).single();
    }

    /** Keeps a file once per name and content; empty when the same file was kept before. */
    Optional<UUID> keepFile(UUID connectionId, String direction, String name, byte[] content, String status) {
        return jdbc.sql("""
                INSERT INTO wms_file (id, wms_connection_id, direction, name, sha256, content, status, created_at)
                VALUES (:id, :connection, :direction, :name, :sha, :content, :status, :now)
                ON CONFLICT (wms_connection_id, direction, name, sha256) DO NOTHING
                RETURNING id""")
                .param("id", UUID.randomUUID()).param("connection", connectionId).param("direction", direction)
                .param("name", name).param("sha", sha256(content)).param("content", content)
                .param("status", status).param("now", Timestamp.from(clock.instant())).query(UUID.class).optional();
    }

    void fileDone(UUID fileId, String status, String problem) {
        jdbc.sql("UPDATE wms_file SET status = :status, problem = :problem, done_at = :now WHERE id = :id")
                .param("id", fileId).param("status", status).param("problem", clip(problem, 2000))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** An outbound file kept but not yet on the server (the portal stopped between keeping and uploading it). */
    record PendingFile(UUID id, String name, byte[] content) {
    }

    List<PendingFile> pendingOutbound(UUID connectionId) {
        return pending(connectionId, "OUTBOUND");
    }

    /** An inbound file kept but not applied (the portal stopped between keeping and applying it), oldest first. */
    List<PendingFile> pendingInbound(UUID connectionId) {
        return pending(connectionId, "INBOUND");
    }

    private List<PendingFile> pending(UUID connectionId, String direction) {
        return jdbc.sql("""
                SELECT id, name, content FROM wms_file
                WHERE wms_connection_id = :connection AND direction = :direction AND status = 'PENDING'
                ORDER BY created_at""").param("connection", connectionId).param("direction", direction)
                .query((rs, n) -> new PendingFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    /** A tenant's X12 document in a kept file; in the tenant's transaction. */
    void document(UUID fileId, String direction, String transactionSet, String interchangeNo, String groupNo,
            String transactionNo, String reference, @Nullable UUID orderId, @Nullable UUID outboxId, String status,
            String ackStatus, String segments, String message) {
        jdbc.sql("""
                INSERT INTO x12_document (tenant_id, id, wms_file_id, direction, transaction_set, interchange_no,
                                          group_no, transaction_no, reference, order_id, outbox_id, status, ack_status,
                                          segments, message, created_at)
                VALUES (crossdock_current_tenant(), :id, :file, :direction, :set, :isa, :gs, :st, :reference, :order,
                        :outbox, :status, :ack, :segments, :message, :now)""")
                .param("id", UUID.randomUUID()).param("file", fileId).param("direction", direction)
                .param("set", transactionSet).param("isa", interchangeNo).param("gs", groupNo)
                .param("st", transactionNo).param("reference", clip(reference, 100)).param("order", orderId)
                .param("outbox", outboxId).param("status", status).param("ack", ackStatus)
                .param("segments", segments).param("message", clip(message, 2000))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** The order an outbound 940 with this depositor order number was about; in the tenant's transaction. */
    Optional<UUID> orderOfReference(String depositorOrderNumber) {
        return jdbc.sql("""
                SELECT order_id FROM x12_document WHERE direction = 'OUTBOUND' AND transaction_set = '940'
                AND reference = :reference AND order_id IS NOT NULL ORDER BY created_at LIMIT 1""")
                .param("reference", depositorOrderNumber).query(UUID.class).optional();
    }

    /** Marks the tenant's outbound documents of a group as acknowledged (or not) by the warehouse's 997. */
    int acknowledge(String groupNo, String transactionNo, boolean accepted) {
        return jdbc.sql("""
                UPDATE x12_document SET ack_status = :ack
                WHERE direction = 'OUTBOUND' AND group_no = :gs AND transaction_no = :st AND ack_status = 'AWAITED'""")
                .param("ack", accepted ? "ACCEPTED" : "REJECTED").param("gs", groupNo).param("st", transactionNo)
                .update();
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String clip(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
