package com.crossdock.portal.sync;

import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.ExceptionReason;
import com.crossdock.tenantconfig.truth.ExceptionReasons;
import com.crossdock.tenantconfig.truth.OwnershipCheck;
import com.crossdock.tenantconfig.truth.OwnershipRules;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where every record that cannot move becomes an exception: one open exception per fingerprint, repeats counted,
 * the newest raw payload kept. Called inside the tenant's transaction of the work that failed, so the exception and
 * the work's own writes commit together.
 */
@Component
class ExceptionLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    ExceptionLog(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens an exception, or counts one more occurrence of the open one with the same fingerprint. */
    void record(Flow flow, @Nullable UUID connectionId, @Nullable UUID inboxId, String reasonCode, String fingerprint,
            String subject, String message, String rawPayload) {
        record(flow.name(), connectionId, inboxId, reasonCode, fingerprint, subject, message, rawPayload);
    }

    /** As above, for work that is not a channel flow (the warehouse exchange: {@code WMS}). */
    void record(String flow, @Nullable UUID connectionId, @Nullable UUID inboxId, String reasonCode,
            String fingerprint, String subject, String message, String rawPayload) {
        record(flow, connectionId, inboxId, reasonCode, fingerprint, subject, message, rawPayload, null);
    }

    /** As above, routed to {@code owner} (who answers for it: "Brand" or "3PL"), when the cause names one. */
    void record(String flow, @Nullable UUID connectionId, @Nullable UUID inboxId, String reasonCode,
            String fingerprint, String subject, String message, String rawPayload, @Nullable String owner) {
        Timestamp now = Timestamp.from(clock.instant());
        Queue queue = queueOf(reasonCode);
        record Kept(UUID id, boolean opened) {
        }
        Kept kept = jdbc.sql("""
                INSERT INTO integration_exception (tenant_id, id, connection_id, flow, reason_code, fingerprint, subject,
                                                   message, raw_payload, inbox_id, first_seen, last_seen, status,
                                                   owner, respond_by)
                VALUES (crossdock_current_tenant(), :id, :connection, :flow, :reason, :fingerprint, :subject, :message,
                        :payload, :inbox, :now, :now, 'OPEN', :owner, :respondBy)
                ON CONFLICT (tenant_id, fingerprint) WHERE status = 'OPEN' DO UPDATE SET
                    occurrences = integration_exception.occurrences + 1, last_seen = excluded.last_seen,
                    owner = COALESCE(excluded.owner, integration_exception.owner),
                    message = excluded.message, raw_payload = excluded.raw_payload, inbox_id = excluded.inbox_id
                RETURNING id, xmax = 0""")
                .param("id", UUID.randomUUID()).param("connection", connectionId).param("flow", flow)
                .param("reason", reasonCode).param("fingerprint", Text.clip(reasonCode + ":" + fingerprint, 300))
                .param("subject", Text.clip(subject, 200)).param("message", Text.clip(message, 2000))
                .param("payload", rawPayload).param("inbox", inboxId).param("now", now)
                .param("owner", owner == null ? queue.party() : owner)
                .param("respondBy", Timestamp.from(now.toInstant().plus(queue.response())))
                .query((rs, n) -> new Kept(rs.getObject(1, UUID.class), rs.getBoolean(2))).single();
        if (kept.opened()) {
            events.publishEvent(new com.crossdock.portal.events.BrandEvent(
                    com.crossdock.portal.events.BrandEvent.EXCEPTION_OPENED, kept.id(), java.util.Map.of(
                    "exceptionId", kept.id().toString(), "reasonCode", reasonCode, "subject", Text.clip(subject, 200),
                    "message", Text.clip(message, 2000))));
        }
    }

    /**
     * A change from a system that does not own the data ({@code check} refused it): an {@code OWNERSHIP_CONFLICT}
     * exception routed to the owner's side, with the check's sentence (kind of data, source, owner, what to do) and
     * the raw payload kept. The change itself is not applied; the caller writes nothing of it.
     *
     * @param change what arrived, as a phrase ("a cancellation of order #1001")
     */
    void ownershipConflict(OwnershipCheck check, String flow, @Nullable UUID connectionId, @Nullable UUID inboxId,
            String fingerprint, String subject, String change, String rawPayload) {
        if (check.allowed()) {
            throw new IllegalArgumentException("not a conflict: " + check);
        }
        record(flow, connectionId, inboxId, "OWNERSHIP_CONFLICT", check.dataType().name().toLowerCase(
                java.util.Locale.ROOT).replace('_', '-') + ":" + fingerprint, subject, check.refusal(change),
                rawPayload, check.party());
    }

    /** The side that answers for an exception queue and how soon, as the tenant chose or by default. */
    record Queue(String party, Duration response) {
    }

    /**
     * The queue of {@code reasonCode} for the tenant in scope: its own choice, else the default side (the owner of
     * the queue's data type in the tenant's source of truth, or the queue's fixed side) and response time.
     */
    Queue queueOf(String reasonCode) {
        return jdbc.sql("SELECT party, response_minutes FROM exception_owner WHERE reason_code = :reason")
                .param("reason", reasonCode)
                .query((rs, n) -> new Queue(rs.getString(1), Duration.ofMinutes(rs.getInt(2)))).optional()
                .orElseGet(() -> {
                    ExceptionReason reason = ExceptionReasons.orUnlisted(reasonCode);
                    return new Queue(reason.defaultParty(this::ownerOf), reason.response());
                });
    }

    private SystemKind ownerOf(DataType type) {
        return jdbc.sql("SELECT owner FROM source_of_truth WHERE data_type = :type").param("type", type.name())
                .query(String.class).optional().map(SystemKind::valueOf)
                .orElse(OwnershipRules.DEFAULTS.get(type));
    }

    /** Closes the open exception of a fingerprint once the record moved after all (a retry that worked). */
    void resolveMoved(String reasonCode, String fingerprint, String note) {
        jdbc.sql("""
                UPDATE integration_exception SET status = 'RESOLVED', resolution_note = :note, resolved_by = 'system',
                       resolved_at = :now
                WHERE fingerprint = :fingerprint AND status = 'OPEN'""")
                .param("fingerprint", Text.clip(reasonCode + ":" + fingerprint, 300)).param("note", note)
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
