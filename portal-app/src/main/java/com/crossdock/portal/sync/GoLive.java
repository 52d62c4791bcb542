package com.crossdock.portal.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is live, read inside the tenant's transaction of the work that asks: a sandbox connection's flows run for real
 * unless they were put in shadow to rehearse going live (the sandbox is where UAT runs); a live connection's flow
 * runs for real only once it was switched live, and in shadow mode until then: it works out what it would send, compares it with what the channel shows, records
 * the differences and sends nothing. An order with a SKU outside the go-live scope (when the tenant named one) stays
 * in shadow too.
 */
@Component
class GoLive {

    /**
     * Whether a flow runs for real, as SQL over {@code channel_connection c} left-joined to {@code go_live_flow g}:
     * as switched, else live on a sandbox and in shadow on a live connection.
     */
    static final String LIVE_SQL = " coalesce(g.live, c.mode = 'SANDBOX') ";

    private final JdbcClient jdbc;
    private final Clock clock;

    GoLive(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether {@code flow} of the connection sends for real. */
    boolean isLive(UUID connectionId, Flow flow) {
        return jdbc.sql("""
                SELECT """ + LIVE_SQL + """
                FROM channel_connection c
                LEFT JOIN go_live_flow g ON g.connection_id = c.id AND g.flow = :flow
                WHERE c.id = :connection""")
                .param("connection", connectionId).param("flow", flow.name()).query(Boolean.class).optional()
                .orElse(false);
    }

    /** Why an order of these master SKUs stays in shadow although its flow is live, if it does. */
    Optional<String> outOfScope(Collection<String> masterSkus) {
        if (masterSkus.isEmpty()) {
            return Optional.empty();
        }
        // only the order's own SKUs are looked up (the pipeline asks for every order; a scope may be long)
        List<String> inScope = jdbc.sql("SELECT master_sku FROM go_live_sku WHERE master_sku IN (:skus)")
                .param("skus", List.copyOf(masterSkus)).query(String.class).list();
        List<String> outside = masterSkus.stream().filter(sku -> !inScope.contains(sku)).distinct().sorted().toList();
        if (outside.isEmpty() || (inScope.isEmpty()
                && !jdbc.sql("SELECT EXISTS (SELECT 1 FROM go_live_sku)").query(Boolean.class).single())) {
            return Optional.empty();
        }
        return Optional.of("not in the go-live scope: " + String.join(", ", outside));
    }

    /** Records (or refreshes) what a shadow run would have sent for {@code subject}, beside what the channel shows. */
    void difference(UUID connectionId, Flow flow, String subject, String wouldSend, String channelShows) {
        jdbc.sql("""
                INSERT INTO shadow_difference (tenant_id, id, connection_id, flow, subject, would_send, channel_shows,
                                               recorded_at)
                VALUES (crossdock_current_tenant(), :id, :connection, :flow, :subject, :would, :shows, :now)
                ON CONFLICT (tenant_id, connection_id, flow, subject) DO UPDATE SET would_send = excluded.would_send,
                    channel_shows = excluded.channel_shows, recorded_at = excluded.recorded_at""")
                .param("id", UUID.randomUUID()).param("connection", connectionId).param("flow", flow.name())
                .param("subject", Text.clip(subject, 200)).param("would", Text.clip(wouldSend, 2000))
                .param("shows", Text.clip(channelShows, 2000)).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Forgets the difference of {@code subject} once the channel shows what would be sent. */
    void agreed(UUID connectionId, Flow flow, String subject) {
        jdbc.sql("""
                DELETE FROM shadow_difference WHERE connection_id = :connection AND flow = :flow AND subject = :subject""")
                .param("connection", connectionId).param("flow", flow.name()).param("subject", Text.clip(subject, 200))
                .update();
    }
}
