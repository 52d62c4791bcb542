package com.crossdock.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.health.BrandDashboard;
import com.crossdock.portal.health.HealthService;
import com.crossdock.portal.health.Leadership;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sync-health benchmark of issue #9, not part of the test suite (run it with
 * {@code ./mvnw -pl portal-app -am verify -Dit.test=HealthDashboardBenchmark ...}, see docs/benchmarks.md):
 * 1,000 tenants with a store and its five flows, 10 million flow runs over 30 days and open exceptions, all written
 * with set-based SQL ({@code generate_series}); the rollups are then built from the raw runs in one pass each
 * (triggers off during the bulk load: the backfill a migration of existing data would run). It then measures the
 * server-side reads of the brand dashboard (random tenants) and of the leadership heat map (all tenants), p50 and
 * p95, and prints a Markdown table.
 */
@SpringBootTest
class HealthDashboardBenchmark {

    private static final int TENANTS = Integer.getInteger("benchmark.tenants", 1_000);
    private static final long EVENTS = Long.getLong("benchmark.events", 10_000_000L);
    private static final int DAYS = 30;
    private static final int WARM_UP = 20;
    private static final int RUNS = 200;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, HealthDashboardBenchmark.class);
    }

    @Autowired HealthService health;
    @Autowired Scheduler scheduler;

    final JdbcClient superuser = TestDatabases.superuser(HealthDashboardBenchmark.class);

    @Test
    void brandDashboardAndLeadershipHeatMapOverTenMillionEvents() throws Exception {
        scheduler.standby();
        long seedTenants = time(this::seedTenantsStoresAndFlows);
        long seedEvents = time(this::seedFlowRunsAndExceptions);
        long rollups = time(this::buildRollups);
        List<TenantId> tenants = superuser.sql("SELECT id FROM tenant ORDER BY code").query(UUID.class).list()
                .stream().map(TenantId::new).toList();
        long runs = superuser.sql("SELECT count(*) FROM flow_run").query(Long.class).single();
        long hourRows = superuser.sql("SELECT count(*) FROM health_rollup_hour").query(Long.class).single();
        long dayRows = superuser.sql("SELECT count(*) FROM health_rollup_day").query(Long.class).single();
        long minuteRows = superuser.sql("SELECT count(*) FROM health_rollup_minute").query(Long.class).single();
        superuser.sql("VACUUM ANALYZE").update();

        Random random = new Random(9);
        double[] brand = measure(() -> {
            BrandDashboard dashboard = health.brandDashboard(tenants.get(random.nextInt(tenants.size())));
            assertThat(dashboard.flows()).hasSize(5);
            return dashboard;
        });
        double[] leadership7 = measure(() -> {
            Leadership view = health.leadership(7);
            assertThat(view.tenants()).hasSize(TENANTS);
            return view;
        });
        double[] leadership30 = measure(() -> health.leadership(30));
        double[] leadership90 = measure(() -> health.leadership(90));

        StringBuilder out = new StringBuilder();
        out.append("\nSetup: %,d tenants with a store and five flows in %.1f s; %,d flow runs over %d days and %,d open "
                .formatted(TENANTS, seedTenants / 1e9, runs, DAYS, TENANTS * 10) + "exceptions in %.1f s; rollups built "
                .formatted(seedEvents / 1e9) + "from them in %.1f s (%,d minute, %,d hour, %,d day rows).\n\n"
                .formatted(rollups / 1e9, minuteRows, hourRows, dayRows));
        out.append("| server-side read | p50 ms | p95 ms | goal p95 |\n|---|---|---|---|\n");
        out.append(row("brand dashboard data (random tenant)", brand, "150 ms"));
        out.append(row("leadership heat map, 7 days, all tenants", leadership7, "300 ms"));
        out.append(row("leadership heat map, 30 days, all tenants", leadership30, "—"));
        out.append(row("leadership heat map, 90 days, all tenants", leadership90, "—"));
        out.append("\n%d calls each after %d warm-up calls, through HealthService (method security, tenant check, "
                .formatted(RUNS, WARM_UP) + "transaction, queries, records), as a platform admin.\n");
        System.out.println(out);
        Files.writeString(Path.of(System.getProperty("benchmark.out", "target/health-benchmark.md")), out);
    }

    private void seedTenantsStoresAndFlows() {
        superuser.sql("""
                INSERT INTO tenant (id, code, name, status, created_at, created_by, updated_at, updated_by)
                SELECT gen_random_uuid(), 'B' || lpad(n::text, 5, '0'), 'Brand ' || lpad(n::text, 5, '0'), 'ACTIVE',
                       now(), 'benchmark', now(), 'benchmark'
                FROM generate_series(1, :n) AS n""").param("n", TENANTS).update();
        superuser.sql("""
                INSERT INTO channel_connection (tenant_id, id, channel, name, shop_domain, api_version, mode,
                                                access_token, webhook_secret, created_at, updated_at, updated_by)
                SELECT id, gen_random_uuid(), 'SHOPIFY', name || ' store', lower(code) || '.myshopify.com', '2026-07',
                       'SANDBOX', '\\x00', '\\x00', now(), now(), 'benchmark'
                FROM tenant""").update();
        superuser.sql("""
                INSERT INTO channel_flow (tenant_id, id, connection_id, flow, interval_seconds)
                SELECT c.tenant_id, gen_random_uuid(), c.id, f.flow, 300 FROM channel_connection c
                CROSS JOIN (VALUES ('ORDER_IMPORT'), ('CANCELLATIONS'), ('FULFILLMENT_WRITEBACK'), ('INVENTORY_PUSH'),
                                   ('RETURNS_IMPORT')) AS f (flow)""").update();
    }

    /** Runs spread evenly over the flows and the last 30 days; about 2% fail; ten open exceptions per tenant. */
    private void seedFlowRunsAndExceptions() {
        // the bulk load bypasses the rollup triggers; buildRollups() then does their work in one pass
        superuser.sql("ALTER TABLE flow_run DISABLE TRIGGER health_flow_run").update();
        superuser.sql("ALTER TABLE integration_exception DISABLE TRIGGER health_exception").update();
        try {
            long perFlow = EVENTS / (TENANTS * 5L);
            superuser.sql("""
                    INSERT INTO flow_run (tenant_id, id, connection_id, flow, started_at, finished_at, records_in,
                                          records_out, records_failed, lag_ms, outcome)
                    SELECT f.tenant_id, gen_random_uuid(), f.connection_id, f.flow, t, t + interval '15 seconds',
                           (i % 17), CASE WHEN i % 50 = 0 THEN 0 ELSE i % 17 END, CASE WHEN i % 50 = 0 THEN i % 17 ELSE 0 END,
                           (i % 600) * 1000, CASE WHEN i % 50 = 0 THEN 'FAILED' ELSE 'OK' END
                    FROM channel_flow f
                    CROSS JOIN LATERAL generate_series(1, :perFlow) AS i
                    CROSS JOIN LATERAL (SELECT now() - (interval '1 day' * :days) * i / :perFlow AS t) AS at""")
                    .param("perFlow", perFlow).param("days", DAYS).update();
            superuser.sql("""
                    INSERT INTO integration_exception (tenant_id, id, connection_id, flow, reason_code, fingerprint,
                                                       subject, message, first_seen, last_seen, occurrences, status)
                    SELECT c.tenant_id, gen_random_uuid(), c.id, 'ORDER_IMPORT',
                           (ARRAY['UNKNOWN_SKU', 'ADDRESS_INCOMPLETE', 'SHIPMENT_MISMATCH'])[1 + n % 3],
                           'bench:' || n, 'Order #' || n, 'Benchmark exception', now() - interval '1 hour' * n,
                           now(), 1 + n % 4, 'OPEN'
                    FROM channel_connection c CROSS JOIN generate_series(1, 10) AS n""").update();
        } finally {
            superuser.sql("ALTER TABLE flow_run ENABLE TRIGGER health_flow_run").update();
            superuser.sql("ALTER TABLE integration_exception ENABLE TRIGGER health_exception").update();
        }
    }

    /** The rollups the triggers would have kept, built from the raw rows in one pass per grain. */
    private void buildRollups() {
        String insert = """
                INSERT INTO health_rollup_%1$s (tenant_id, bucket, connection_id, flow, runs, runs_failed, records_in,
                                               records_out, records_failed, lag_ms_max, lag_ms_sum, last_success)
                SELECT tenant_id, date_trunc('%1$s', finished_at, 'UTC'), connection_id, flow, count(*),
                       count(*) FILTER (WHERE outcome = 'FAILED'), sum(records_in), sum(records_out),
                       sum(records_failed), max(lag_ms), sum(lag_ms), max(finished_at) FILTER (WHERE outcome <> 'FAILED')
                FROM flow_run WHERE finished_at >= now() - interval '%2$s'
                GROUP BY 1, 2, 3, 4""";
        superuser.sql(insert.formatted("minute", "2 days")).update();
        superuser.sql(insert.formatted("hour", "120 days")).update();
        superuser.sql(insert.formatted("day", "100 years")).update();
        superuser.sql("""
                INSERT INTO health_rollup_day AS r (tenant_id, bucket, connection_id, flow, exceptions_opened)
                SELECT tenant_id, date_trunc('day', first_seen, 'UTC'), connection_id, flow, count(*)
                FROM integration_exception GROUP BY 1, 2, 3, 4
                ON CONFLICT (tenant_id, bucket, connection_id, flow) DO UPDATE
                    SET exceptions_opened = r.exceptions_opened + EXCLUDED.exceptions_opened""").update();
        superuser.sql("""
                INSERT INTO health_failure_day (tenant_id, day, flow, reason_code, opened, repeats)
                SELECT tenant_id, (first_seen AT TIME ZONE 'UTC')::date, flow, reason_code, count(*),
                       sum(occurrences - 1)
                FROM integration_exception GROUP BY 1, 2, 3, 4""").update();
    }

    private double[] measure(Supplier<?> read) {
        return SystemActor.call("benchmark", () -> {
            for (int i = 0; i < WARM_UP; i++) {
                read.get();
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                read.get();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            return new double[] {millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]};
        });
    }

    private static String row(String what, double[] p50p95, String goal) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", what, p50p95[0], p50p95[1], goal);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
