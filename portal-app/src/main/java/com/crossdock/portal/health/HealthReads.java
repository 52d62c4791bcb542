package com.crossdock.portal.health;

import com.crossdock.portal.health.BrandDashboard.Count;
import com.crossdock.portal.health.BrandDashboard.Day;
import com.crossdock.portal.health.BrandDashboard.DriftSeries;
import com.crossdock.portal.health.BrandDashboard.FlowHealth;
import com.crossdock.portal.sync.Flow;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboards' reads: rollups, open exceptions and what waits now, never raw events. Each method runs inside a
 * transaction the service opened (a tenant's, or the cross-tenant health read). Queries of the rollup tables name
 * their tenants ({@code crossdock_current_tenant()} or the checked list) although row-level security would filter
 * them anyway: those tables have two permissive policies, and PostgreSQL cannot use the tenant index through their
 * OR, so without it every read would scan all tenants' rollups.
 */
@Component
class HealthReads {

    static final List<String> FLOWS = Arrays.stream(Flow.values()).map(Flow::name).toList();
    private static final UUID NO_CONNECTION = new UUID(0, 0);
    private static final int DAYS_SHOWN = 14;
    private static final int DRIFT_SKUS = 5;

    private final JdbcClient jdbc;

    HealthReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record FlowKey(UUID connection, String flow) {
    }

    private record Hour(FlowKey key, Instant bucket, long runs, long failed, long out, long lagMs) {
    }

    BrandDashboard brand(TenantId tenant, Instant now) {
        Instant dayAgo = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(23));
        Map<FlowKey, List<Hour>> hours = new HashMap<>();
        jdbc.sql("""
                SELECT connection_id, flow, bucket, runs, runs_failed, records_out, lag_ms_max FROM health_rollup_hour
                WHERE tenant_id = crossdock_current_tenant() AND bucket >= :from""").param("from", Timestamp.from(dayAgo)).query((rs, n) -> new Hour(
                new FlowKey(rs.getObject(1, UUID.class), rs.getString(2)), rs.getTimestamp(3).toInstant(),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7))).list()
                .forEach(hour -> hours.computeIfAbsent(hour.key(), k -> new ArrayList<>()).add(hour));
        Map<FlowKey, Long> backlog = backlog();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        List<FlowHealth> flows = jdbc.sql("""
                SELECT f.connection_id, c.name, f.flow,
                       (SELECT max(d.last_success) FROM health_rollup_day d
                        WHERE d.tenant_id = crossdock_current_tenant() AND d.connection_id = f.connection_id
                          AND d.flow = f.flow) AS last_success
                FROM channel_flow f JOIN channel_connection c ON c.id = f.connection_id
                ORDER BY c.name, f.flow""").query((rs, n) -> {
            FlowKey key = new FlowKey(rs.getObject(1, UUID.class), rs.getString(3));
            List<Hour> of = hours.getOrDefault(key, List.of());
            long runs = of.stream().mapToLong(Hour::runs).sum();
            long failed = of.stream().mapToLong(Hour::failed).sum();
            long lagMs = of.stream().filter(h -> !h.bucket().isBefore(hourAgo.truncatedTo(ChronoUnit.HOURS)))
                    .mapToLong(Hour::lagMs).max().orElse(0);
            List<Long> trend = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Instant bucket = dayAgo.plus(Duration.ofHours(i));
                trend.add(of.stream().filter(h -> h.bucket().equals(bucket)).mapToLong(Hour::out).sum());
            }
            Timestamp last = rs.getTimestamp(4);
            return new FlowHealth(key.connection(), rs.getString(2), key.flow(), last == null ? null
                    : last.toInstant(), lagMs / 60_000, trend.stream().mapToLong(Long::longValue).sum(),
                    runs == 0 ? 0 : 100.0 * failed / runs, backlog.getOrDefault(key, 0L), trend,
                    HealthColour.of(runs, failed, 0));
        }).list();
        return new BrandDashboard(tenant, now, flows, days(now), drift(now), byReason(), byOwner(), byAge(now));
    }

    /** What waits now per connection and flow: kept webhooks, unsent warehouse messages, shipments to post. */
    private Map<FlowKey, Long> backlog() {
        Map<FlowKey, Long> backlog = new HashMap<>();
        jdbc.sql("""
                SELECT connection_id, 'ORDER_IMPORT', count(*) FROM channel_inbox WHERE processed_at IS NULL
                GROUP BY connection_id
                UNION ALL
                SELECT o.connection_id, CASE w.kind WHEN 'CANCEL' THEN 'CANCELLATIONS' ELSE 'ORDER_IMPORT' END, count(*)
                FROM wms_outbox w JOIN sales_order o ON o.id = w.order_id WHERE w.sent_at IS NULL GROUP BY 1, 2
                UNION ALL
                SELECT o.connection_id, 'FULFILLMENT_WRITEBACK', count(*) FROM shipment s
                JOIN sales_order o ON o.id = s.order_id WHERE s.writeback_status IN ('PENDING', 'POSTING')
                GROUP BY 1""").query((rs, n) -> backlog.merge(new FlowKey(rs.getObject(1, UUID.class),
                rs.getString(2)), rs.getLong(3), Long::sum)).list();
        return backlog;
    }

    private List<Day> days(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = today.minusDays(DAYS_SHOWN - 1);
        Map<LocalDate, Day> found = new HashMap<>();
        jdbc.sql("""
                SELECT (bucket AT TIME ZONE 'UTC')::date, sum(orders_received), sum(orders_released),
                       sum(orders_shipped), sum(tracking_posted), sum(exceptions_opened)
                FROM health_rollup_day WHERE tenant_id = crossdock_current_tenant() AND bucket >= :from GROUP BY 1""")
                .param("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6))).list()
                .forEach(day -> found.put(day.day(), day));
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(found.getOrDefault(day, new Day(day, 0, 0, 0, 0, 0)));
        }
        return days;
    }

    private List<DriftSeries> drift(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = today.minusDays(DAYS_SHOWN - 1);
        record Point(String sku, LocalDate day, int drift) {
        }
        List<Point> points = jdbc.sql("""
                SELECT channel_sku, day, max_drift FROM health_drift_day
                WHERE day >= :from AND channel_sku IN (
                    SELECT channel_sku FROM health_drift_day WHERE day >= :from GROUP BY channel_sku
                    ORDER BY max(abs(max_drift)) DESC, channel_sku LIMIT :skus)
                ORDER BY channel_sku, day""").param("from", from).param("skus", DRIFT_SKUS)
                .query((rs, n) -> new Point(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3))).list();
        Map<String, Map<LocalDate, Integer>> bySku = new LinkedHashMap<>();
        points.forEach(p -> bySku.computeIfAbsent(p.sku(), k -> new HashMap<>()).put(p.day(), p.drift()));
        List<LocalDate> days = from.datesUntil(today.plusDays(1)).toList();
        return bySku.entrySet().stream().map(e -> new DriftSeries(e.getKey(), days,
                days.stream().map(day -> e.getValue().getOrDefault(day, 0)).toList())).toList();
    }

    private List<Count> byReason() {
        return counts("SELECT reason_code, count(*) FROM integration_exception WHERE status = 'OPEN' "
                + "GROUP BY 1 ORDER BY 2 DESC, 1");
    }

    private List<Count> byOwner() {
        return counts("SELECT COALESCE(owner, 'Unassigned'), count(*) FROM integration_exception "
                + "WHERE status = 'OPEN' GROUP BY 1 ORDER BY 2 DESC, 1");
    }

    private List<Count> byAge(Instant now) {
        Map<String, Long> bands = new LinkedHashMap<>();
        List.of("Under 1 hour", "1–4 hours", "4–24 hours", "Over 1 day").forEach(band -> bands.put(band, 0L));
        jdbc.sql("""
                SELECT CASE WHEN first_seen > CAST(:now AS timestamptz) - interval '1 hour' THEN 'Under 1 hour'
                            WHEN first_seen > CAST(:now AS timestamptz) - interval '4 hours' THEN '1–4 hours'
                            WHEN first_seen > CAST(:now AS timestamptz) - interval '1 day' THEN '4–24 hours'
                            ELSE 'Over 1 day' END, count(*)
                FROM integration_exception WHERE status = 'OPEN' GROUP BY 1""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> bands.put(rs.getString(1), rs.getLong(2))).list();
        return bands.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    private List<Count> counts(String sql) {
        return jdbc.sql(sql).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    /** Runs and failed runs of the last 24 hours per tenant (cross-tenant health read). */
    Map<TenantId, long[]> lastDay(Collection<TenantId> tenants, Instant now) {
        Map<TenantId, long[]> result = new HashMap<>();
        jdbc.sql("""
                SELECT tenant_id, sum(runs), sum(runs_failed) + sum(exceptions_opened) FROM health_rollup_hour
                WHERE tenant_id = ANY (:tenants) AND bucket >= :from GROUP BY tenant_id""")
                .param("tenants", ids(tenants)).param("from", Timestamp.from(now.minus(Duration.ofDays(1))))
                .query((rs, n) -> result.put(new TenantId(rs.getObject(1, UUID.class)),
                        new long[] {rs.getLong(2), rs.getLong(3)})).list();
        return result;
    }

    /** Open exceptions of the current tenant per owner, and how many are past the response time. */
    record OpenExceptions(Map<String, Long> byOwner, long breaches) {
    }

    /**
     * {@code breachBefore}: exceptions without a response time of their own (opened before their queue had one)
     * breach once they are older than that; the others once {@code now} is past their {@code respond_by}.
     */
    OpenExceptions openExceptions(Instant now, Instant breachBefore) {
        Map<String, Long> byOwner = new LinkedHashMap<>();
        long[] breaches = {0};
        jdbc.sql("""
                SELECT COALESCE(owner, 'Unassigned'), count(*),
                       count(*) FILTER (WHERE CASE WHEN respond_by IS NULL THEN first_seen < :before
                                                   ELSE respond_by < :now END)
                FROM integration_exception WHERE status = 'OPEN' GROUP BY 1 ORDER BY 2 DESC""")
                .param("before", Timestamp.from(breachBefore)).param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    byOwner.put(rs.getString(1), rs.getLong(2));
                    breaches[0] += rs.getLong(3);
                    return n;
                }).list();
        return new OpenExceptions(byOwner, breaches[0]);
    }

    /** The heat map, trend and patterns of the tenants readable in this transaction. */
    Leadership leadership(Map<TenantId, String> names, int days, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = today.minusDays(days - 1L);
        Timestamp since = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<TenantId, Map<String, Leadership.Cell>> cells = new HashMap<>();
        jdbc.sql("""
                SELECT tenant_id, flow, sum(runs), sum(runs_failed), sum(exceptions_opened) FROM health_rollup_day
                WHERE tenant_id = ANY (:tenants) AND bucket >= :from GROUP BY tenant_id, flow""")
                .param("tenants", ids(names.keySet())).param("from", since).query((rs, n) -> {
                    long runs = rs.getLong(3);
                    long failed = rs.getLong(4);
                    long exceptions = rs.getLong(5);
                    return cells.computeIfAbsent(new TenantId(rs.getObject(1, UUID.class)), k -> new HashMap<>())
                            .put(rs.getString(2), new Leadership.Cell(runs, failed, exceptions,
                                    HealthColour.of(runs, failed + exceptions, 0)));
                }).list();
        Leadership.Cell nothing = new Leadership.Cell(0, 0, 0, HealthColour.GREY);
        List<Leadership.TenantRow> rows = names.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .map(e -> new Leadership.TenantRow(e.getKey(), e.getValue(), FLOWS.stream()
                        .map(flow -> cells.getOrDefault(e.getKey(), Map.of()).getOrDefault(flow, nothing)).toList()))
                .toList();
        Map<LocalDate, Leadership.Trend> trend = new HashMap<>();
        jdbc.sql("""
                SELECT (bucket AT TIME ZONE 'UTC')::date, sum(runs), sum(runs_failed), sum(orders_received),
                       sum(exceptions_opened)
                FROM health_rollup_day WHERE tenant_id = ANY (:tenants) AND bucket >= :from GROUP BY 1""")
                .param("tenants", ids(names.keySet())).param("from", since)
                .query((rs, n) -> trend.put(rs.getObject(1, LocalDate.class), new Leadership.Trend(
                        rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))).list();
        List<Leadership.Trend> series = from.datesUntil(today.plusDays(1))
                .map(day -> trend.getOrDefault(day, new Leadership.Trend(day, 0, 0, 0, 0))).toList();
        return new Leadership(days, FLOWS, rows, series, patterns(names.keySet(), from, today, 10));
    }

    /** The failure reasons that came back most often from {@code from} to {@code to}, with at how many tenants. */
    List<Leadership.Pattern> patterns(Collection<TenantId> tenants, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                SELECT flow, reason_code, sum(opened + repeats), count(DISTINCT tenant_id) FROM health_failure_day
                WHERE tenant_id = ANY (:tenants) AND day BETWEEN :from AND :to
                GROUP BY flow, reason_code ORDER BY 3 DESC, 2 LIMIT :limit""")
                .param("tenants", ids(tenants)).param("from", from).param("to", to).param("limit", limit)
                .query((rs, n) -> new Leadership.Pattern(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4))).list();
    }

    /** The hypercare checks of the current tenant for one day. */
    List<HypercareReview.Line> hypercare(LocalDate day) {
        Timestamp start = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        long[] totals = jdbc.sql("""
                SELECT COALESCE(sum(orders_received), 0), COALESCE(sum(orders_released), 0),
                       COALESCE(sum(orders_shipped), 0), COALESCE(sum(tracking_posted), 0)
                FROM health_rollup_day WHERE tenant_id = crossdock_current_tenant() AND bucket = :start""")
                .param("start", start)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        long held = jdbc.sql("SELECT COALESCE(sum(GREATEST(on_hand - available, 0)), 0) FROM inventory_position")
                .query(Long.class).single();
        long discrepancies = jdbc.sql("""
                SELECT count(*) FROM receiving_discrepancy WHERE recorded_at >= :start AND recorded_at < :end""")
                .param("start", start).param("end", end).query(Long.class).single();
        long manual = jdbc.sql("""
                SELECT count(*) FROM integration_exception WHERE resolved_at >= :start AND resolved_at < :end
                  AND resolved_by IS NOT NULL AND resolved_by NOT LIKE 'system%'""")
                .param("start", start).param("end", end).query(Long.class).single();
        return List.of(
                new HypercareReview.Line("Orders released to the warehouse (expected: orders from the channel)",
                        totals[0], totals[1], "An order held for a SKU or address waits in Exceptions"),
                new HypercareReview.Line("Tracking posted to the channel (expected: shipped)", totals[2], totals[3],
                        "A shipment without tracking in the store shows in the fulfillment write-back flow"),
                new HypercareReview.Line("Held inventory (units on hand but not available)", 0, held,
                        "Held units are not offered in the stores"),
                new HypercareReview.Line("Receiving discrepancies recorded", 0, discrepancies,
                        "Resolve each in Receiving with its root cause"),
                new HypercareReview.Line("Manual touches (exceptions resolved by people)", 0, manual,
                        "Each manual touch is a candidate for a rule or a fix upstream"));
    }

    private static UUID[] ids(Collection<TenantId> tenants) {
        return tenants.stream().map(TenantId::value).toArray(UUID[]::new);
    }

    /** The current tenant's connection names by id (the nil id for facts of no connection). */
    Map<UUID, String> connectionNames() {
        Map<UUID, String> names = new HashMap<>();
        names.put(NO_CONNECTION, "Warehouse");
        jdbc.sql("SELECT id, name FROM channel_connection").query((rs, n) -> names.put(rs.getObject(1, UUID.class),
                rs.getString(2))).list();
        return names;
    }

    /** Names of the given tenants (the tenant table is not tenant-owned). */
    Map<TenantId, String> tenantNames(@Nullable Collection<TenantId> only) {
        Map<TenantId, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM tenant").query((rs, n) -> names.put(new TenantId(rs.getObject(1, UUID.class)),
                rs.getString(2))).list();
        if (only != null) {
            names.keySet().retainAll(only);
        }
        return names;
    }
}
