package com.crossdock.portal.health;

import com.crossdock.portal.sync.StockRow;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evaluates a tenant's alert rules against the rollups and open exceptions. A breach already open for the same
 * rule and subject counts one more occurrence and is not sent again (de-duplication); a new breach within the
 * rule's quiet period after a sent alert is recorded as QUIET; a breach that is gone is cleared, so it alerts again
 * when it comes back. Delivery happens after the commit, and its result is written to the alert.
 */
@Component
class AlertEvaluator {

    /** How often a tenant's drift is recorded for the trend when no drift rule asks for it every time. */
    private static final Duration DRIFT_SNAPSHOT = Duration.ofHours(1);

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final AlertDelivery delivery;
    private final SyncService sync;
    private final AlertKeys keys;
    /** When this instance last recorded each tenant's drift (another instance may have too: the upsert is safe). */
    private final Map<TenantId, Instant> driftRecorded = new ConcurrentHashMap<>();

    AlertEvaluator(TenantTransactions transactions, JdbcClient jdbc, AlertDelivery delivery, SyncService sync,
            AlertKeys keys) {
        this.keys = keys;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.delivery = delivery;
        this.sync = sync;
    }

    /** A condition found: what it is about (the de-duplication key), in words, and the number measured. */
    record Breach(String key, String subject, String detail, long measured) {
    }

    private record Rule(UUID id, AlertKind kind, int threshold, String email, String webhookUrl, int quietMinutes) {
    }

    private record ToSend(Rule rule, AlertDelivery.Alert alert) {
    }

    /**
     * Evaluates every enabled rule of the tenant and records the day's drift per listing (for the trend: when a
     * drift rule needs it, else hourly); answers how many alerts were sent. A tenant with no rules and a recent
     * drift record costs one query.
     */
    int evaluate(TenantId tenant, String name, String code, Instant now) {
        List<Rule> rules = transactions.read(tenant, this::rules);
        boolean snapshotDue = driftRecorded.getOrDefault(tenant, Instant.EPOCH).isBefore(now.minus(DRIFT_SNAPSHOT));
        boolean driftRule = rules.stream().anyMatch(rule -> rule.kind() == AlertKind.DRIFT);
        if (rules.isEmpty() && !snapshotDue) {
            return 0;
        }
        List<StockRow> stock = driftRule || snapshotDue ? sync.stock(tenant) : List.of();
        List<ToSend> toSend = transactions.write(tenant, () -> {
            if (driftRule || snapshotDue) {
                recordDrift(stock, now);
            }
            List<ToSend> found = new ArrayList<>();
            for (Rule rule : rules) {
                found.addAll(apply(rule, breaches(rule, stock, now), name, code, now));
            }
            return found;
        });
        if (driftRule || snapshotDue) {
            driftRecorded.put(tenant, now);
        }
        String signingKey = toSend.stream().anyMatch(send -> send.rule().webhookUrl() != null)
                ? transactions.read(tenant, () -> keys.secret(tenant)).orElse(null) : null;
        for (ToSend send : toSend) {
            AlertDelivery.Result result = delivery.deliver(send.alert(), send.rule().email(),
                    send.rule().webhookUrl(), signingKey);
            transactions.writeAll(tenant, () -> jdbc.sql("""
                    UPDATE alert_event SET delivery = :delivery, email_result = :email, webhook_result = :webhook
                    WHERE id = :id""").param("id", send.alert().id()).param("delivery", result.delivery())
                    .param("email", clip(result.email())).param("webhook", clip(result.webhook())).update());
        }
        return toSend.size();
    }

    private List<Rule> rules() {
        return jdbc.sql("""
                SELECT id, kind, threshold, email, webhook_url, quiet_minutes FROM alert_rule WHERE enabled
                ORDER BY created_at""").query((rs, n) -> new Rule(rs.getObject(1, UUID.class),
                AlertKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getInt(6)))
                .list();
    }

    private void recordDrift(List<StockRow> stock, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, Integer> worst = stock.stream().collect(Collectors.toMap(StockRow::channelSku, StockRow::drift,
                (a, b) -> Math.abs(a) >= Math.abs(b) ? a : b));
        worst.forEach((sku, drift) -> jdbc.sql("""
                INSERT INTO health_drift_day AS d (tenant_id, day, channel_sku, max_drift, last_drift)
                VALUES (crossdock_current_tenant(), :day, :sku, :drift, :drift)
                ON CONFLICT (tenant_id, day, channel_sku) DO UPDATE SET
                    max_drift = CASE WHEN abs(EXCLUDED.max_drift) > abs(d.max_drift) THEN EXCLUDED.max_drift
                                     ELSE d.max_drift END,
                    last_drift = EXCLUDED.last_drift""").param("day", today).param("sku", sku).param("drift", drift)
                .update());
    }

    private List<Breach> breaches(Rule rule, List<StockRow> stock, Instant now) {
        return switch (rule.kind()) {
            case LAG -> lag(rule.threshold(), now);
            case ERROR_RATE -> errorRate(rule.threshold(), now);
            case DRIFT -> stock.stream().filter(row -> Math.abs(row.drift()) > rule.threshold())
                    .map(row -> new Breach("DRIFT:" + row.connectionName() + ":" + row.channelSku(),
                            "Stock drift on " + row.channelSku() + " in " + row.connectionName(),
                            row.connectionName() + " shows " + (row.pushed() == null ? "nothing" : row.pushed())
                                    + " of " + row.channelSku() + " while the warehouse allows " + row.sellable()
                                    + " (drift " + row.drift() + ", threshold " + rule.threshold() + " units).",
                            Math.abs(row.drift()))).toList();
            case EXCEPTION_AGE -> exceptionAge(rule.threshold(), now);
        };
    }

    private List<Breach> lag(int minutes, Instant now) {
        return jdbc.sql("""
                SELECT c.name, f.flow,
                       (SELECT max(m.lag_ms_max) FROM health_rollup_minute m WHERE m.connection_id = f.connection_id
                          AND m.flow = f.flow AND m.bucket >= :hourAgo),
                       (SELECT max(d.last_success) FROM health_rollup_day d
                        WHERE d.tenant_id = crossdock_current_tenant() AND d.connection_id = f.connection_id
                          AND d.flow = f.flow),
                       (SELECT sum(h.runs) FROM health_rollup_hour h
                        WHERE h.tenant_id = crossdock_current_tenant() AND h.connection_id = f.connection_id
                          AND h.flow = f.flow AND h.bucket >= :dayAgo)
                FROM channel_flow f JOIN channel_connection c ON c.id = f.connection_id WHERE f.enabled""")
                .param("hourAgo", Timestamp.from(now.minus(Duration.ofHours(1))))
                .param("dayAgo", Timestamp.from(now.minus(Duration.ofDays(1))))
                .query((rs, n) -> {
                    long reported = rs.getLong(3) / 60_000;
                    Timestamp last = rs.getTimestamp(4);
                    long sinceSuccess = rs.getLong(5) > 0 && last != null
                            ? Duration.between(last.toInstant(), now).toMinutes() : 0;
                    long lag = Math.max(reported, sinceSuccess);
                    return lag > minutes ? new Breach("LAG:" + rs.getString(1) + ":" + rs.getString(2),
                            "Lag on " + rs.getString(1) + " " + label(rs.getString(2)),
                            label(rs.getString(2)) + " of " + rs.getString(1) + " is " + lag + " minutes behind "
                                    + "(threshold " + minutes + " minutes).", lag) : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    private List<Breach> errorRate(int percent, Instant now) {
        return jdbc.sql("""
                SELECT COALESCE(c.name, 'Warehouse'), m.flow, sum(m.runs), sum(m.runs_failed)
                FROM health_rollup_minute m LEFT JOIN channel_connection c ON c.id = m.connection_id
                WHERE m.bucket >= :hourAgo GROUP BY 1, 2 HAVING sum(m.runs) > 0""")
                .param("hourAgo", Timestamp.from(now.minus(Duration.ofHours(1))))
                .query((rs, n) -> {
                    long runs = rs.getLong(3);
                    long failed = rs.getLong(4);
                    long rate = Math.round(100.0 * failed / runs);
                    return rate > percent ? new Breach("ERROR_RATE:" + rs.getString(1) + ":" + rs.getString(2),
                            "Error rate on " + rs.getString(1) + " " + label(rs.getString(2)),
                            failed + " of " + runs + " runs of " + label(rs.getString(2)) + " on " + rs.getString(1)
                                    + " failed in the last hour (" + rate + "%, threshold " + percent + "%).", rate)
                            : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    private List<Breach> exceptionAge(int minutes, Instant now) {
        return jdbc.sql("""
                SELECT count(*), min(first_seen) FROM integration_exception
                WHERE status = 'OPEN' AND (first_seen < :before OR respond_by < :now)
                HAVING count(*) > 0""")
                .param("before", Timestamp.from(now.minus(Duration.ofMinutes(minutes))))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Breach("EXCEPTION_AGE", rs.getLong(1) + " exceptions past their response time",
                        rs.getLong(1) + " open exceptions are older than " + minutes + " minutes or past the response "
                                + "time of their queue; the oldest since "
                                + rs.getTimestamp(2).toInstant() + ". Take or resolve them in Exceptions.",
                        rs.getLong(1))).list();
    }

    private List<ToSend> apply(Rule rule, List<Breach> breaches, String name, String code, Instant now) {
        Set<String> open = new HashSet<>(jdbc.sql("""
                SELECT dedup_key FROM alert_event WHERE rule_id = :rule AND cleared_at IS NULL""")
                .param("rule", rule.id()).query(String.class).list());
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                UPDATE alert_event SET cleared_at = :now WHERE rule_id = :rule AND cleared_at IS NULL
                  AND NOT (dedup_key = ANY (:keys))""").param("now", at).param("rule", rule.id())
                .param("keys", breaches.stream().map(Breach::key).toArray(String[]::new)).update();
        boolean quiet = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM alert_event WHERE rule_id = :rule AND delivery <> 'QUIET'
                                 AND raised_at > :since)""").param("rule", rule.id())
                .param("since", Timestamp.from(now.minus(Duration.ofMinutes(rule.quietMinutes()))))
                .query(Boolean.class).single();
        List<ToSend> toSend = new ArrayList<>();
        for (Breach breach : breaches) {
            if (open.contains(breach.key())) {
                jdbc.sql("""
                        UPDATE alert_event SET last_seen = :now, occurrences = occurrences + 1, measured = :measured
                        WHERE rule_id = :rule AND dedup_key = :key AND cleared_at IS NULL""").param("now", at)
                        .param("measured", breach.measured()).param("rule", rule.id()).param("key", breach.key())
                        .update();
                continue;
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO alert_event (tenant_id, id, rule_id, dedup_key, subject, detail, measured, raised_at,
                                             last_seen, delivery, email_result, webhook_result)
                    VALUES (crossdock_current_tenant(), :id, :rule, :key, :subject, :detail, :measured, :now, :now,
                            :delivery, :note, :note)""").param("id", id).param("rule", rule.id())
                    .param("key", clip(breach.key())).param("subject", clip(breach.subject()))
                    .param("detail", breach.detail()).param("measured", breach.measured()).param("now", at)
                    .param("delivery", quiet ? "QUIET" : "FAILED")
                    .param("note", quiet ? "Not sent: within the rule's quiet period" : "Sending").update();
            if (!quiet) {
                toSend.add(new ToSend(rule, new AlertDelivery.Alert(id, name, code, rule.kind(), rule.threshold(),
                        breach.subject(), breach.detail(), breach.measured(), now)));
                quiet = rule.quietMinutes() > 0;
            }
        }
        return toSend;
    }

    private static String label(String flow) {
        return java.util.Arrays.stream(com.crossdock.portal.sync.Flow.values()).filter(f -> f.name().equals(flow))
                .map(com.crossdock.portal.sync.Flow::label).findFirst().orElse(flow);
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
