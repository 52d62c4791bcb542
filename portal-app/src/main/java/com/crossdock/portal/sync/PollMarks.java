package com.crossdock.portal.sync;

import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every polling flow (Shopify's order import and cancellations, Amazon's order import) keeps the same way: how
 * far it has read a connection's changes ({@code channel_flow.read_up_to}), and each polled payload in the inbox
 * once per dedup key.
 */
@Component
class PollMarks {

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    PollMarks(TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where the flow read the connection up to; a day back the first time. */
    Instant readUpTo(TenantId tenant, UUID connectionId, Flow flow) {
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT coalesce(read_up_to, :start) FROM channel_flow WHERE connection_id = :connection AND flow = :flow""")
                .param("connection", connectionId).param("flow", flow.name())
                .param("start", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .query(Timestamp.class).single().toInstant());
    }

    /** Moves the mark forward to {@code upTo}, never back. */
    void advance(TenantId tenant, UUID connectionId, Flow flow, Instant upTo) {
        transactions.writeAll(tenant, () -> jdbc.sql("""
                UPDATE channel_flow SET read_up_to = greatest(coalesce(read_up_to, :upTo), :upTo)
                WHERE connection_id = :connection AND flow = :flow""")
                .param("upTo", Timestamp.from(upTo)).param("connection", connectionId)
                .param("flow", flow.name()).update());
    }

    /** Keeps a polled payload in the inbox, once per dedup key: true when it was new. */
    boolean keep(TenantId tenant, UUID inboxId, UUID connectionId, String topic, String dedupKey, String payload) {
        return transactions.write(tenant, () -> jdbc.sql("""
                INSERT INTO channel_inbox (tenant_id, id, connection_id, source, topic, dedup_key, payload, received_at)
                VALUES (crossdock_current_tenant(), :id, :connection, 'POLL', :topic, :dedup, :payload, :at)
                ON CONFLICT (tenant_id, connection_id, dedup_key) DO NOTHING""")
                .param("id", inboxId).param("connection", connectionId).param("topic", topic)
                .param("dedup", Text.clip(dedupKey, 200)).param("payload", payload)
                .param("at", Timestamp.from(clock.instant())).update()) == 1;
    }
}
