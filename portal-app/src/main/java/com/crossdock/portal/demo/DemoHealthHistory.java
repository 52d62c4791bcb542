package com.crossdock.portal.demo;

import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two weeks of history for the demo store, so the health dashboards have something a 3PL would show: a flow run
 * per flow and hour (busier in the daytime, a few failed write-backs, a bad afternoon of the inventory push four
 * days ago), the orders and shipments of each day, failure patterns and SKU drift. The runs go through the same
 * triggers as real ones; the daily order counts are written to the day rollups directly, since the demo's
 * orders table holds only the three orders the sandbox store really sent. Deterministic (hashes, not random).
 */
final class DemoHealthHistory {

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;

    DemoHealthHistory(TenantTransactions transactions, JdbcClient jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    void write(TenantId tenant) {
        transactions.writeAll(tenant, () -> {
            UUID store = jdbc.sql("SELECT id FROM channel_connection ORDER BY created_at LIMIT 1").query(UUID.class)
                    .single();
            flowRuns(store);
            dailyOrders(store);
            failuresAndDrift();
        });
    }

    private void flowRuns(UUID store) {
        jdbc.sql("""
                INSERT INTO flow_run (tenant_id, id, connection_id, flow, started_at, finished_at, records_in,
                                      records_out, records_failed, lag_ms, outcome, message)
                SELECT crossdock_current_tenant(), gen_random_uuid(), :store, f.flow, h, h + interval '20 seconds',
                       v.n, CASE WHEN v.failed THEN 0 ELSE v.n END, CASE WHEN v.failed THEN v.n ELSE 0 END,
                       (30 + v.r * 7) * 1000 + CASE WHEN v.failed THEN 1500000 ELSE 0 END,
                       CASE WHEN v.failed THEN 'FAILED' ELSE 'OK' END, 'Demo history'
                FROM generate_series(date_trunc('day', now()) - interval '13 days',
                                     date_trunc('hour', now()) - interval '1 hour', interval '1 hour') AS h
                CROSS JOIN (VALUES ('ORDER_IMPORT', 14), ('CANCELLATIONS', 1), ('FULFILLMENT_WRITEBACK', 12),
                                   ('INVENTORY_PUSH', 36)) AS f (flow, base)
                CROSS JOIN LATERAL (SELECT abs(hashtext(f.flow || h::text)) % 100 AS r) AS x
                CROSS JOIN LATERAL (SELECT x.r,
                        round(f.base * (0.35 + 0.65 * sin(pi() * extract(hour FROM h) / 24))
                              * (0.8 + (x.r % 40) / 100.0))::int AS n,
                        (f.flow = 'FULFILLMENT_WRITEBACK' AND x.r < 4)
                        OR (f.flow = 'INVENTORY_PUSH' AND h::date = current_date - 4
                            AND extract(hour FROM h) BETWEEN 13 AND 17) AS failed) AS v""")
                .param("store", store).update();
    }

    private void dailyOrders(UUID store) {
        String upsert = """
                INSERT INTO health_rollup_day AS r (tenant_id, bucket, connection_id, flow, %1$s, %2$s)
                SELECT crossdock_current_tenant(), d, :store, :flow, a, b FROM (
                    SELECT d, 120 + abs(hashtext(d::text)) %% 60 AS a,
                           120 + abs(hashtext(d::text)) %% 60 - CASE WHEN d = date_trunc('day', now(), 'UTC')
                               THEN 6 ELSE abs(hashtext('x' || d::text)) %% 3 END AS b
                    FROM generate_series(date_trunc('day', now(), 'UTC') - interval '13 days',
                                         date_trunc('day', now(), 'UTC'), interval '1 day') AS d) AS days
                ON CONFLICT (tenant_id, bucket, connection_id, flow) DO UPDATE SET
                    %1$s = r.%1$s + EXCLUDED.%1$s, %2$s = r.%2$s + EXCLUDED.%2$s""";
        jdbc.sql(upsert.formatted("orders_received", "orders_released")).param("store", store)
                .param("flow", "ORDER_IMPORT").update();
        jdbc.sql(upsert.formatted("orders_shipped", "tracking_posted")).param("store", store)
                .param("flow", "FULFILLMENT_WRITEBACK").update();
    }

    private void failuresAndDrift() {
        jdbc.sql("""
                INSERT INTO health_failure_day (tenant_id, day, flow, reason_code, opened, repeats)
                SELECT crossdock_current_tenant(), d::date, p.flow, p.reason,
                       CASE WHEN abs(hashtext(p.reason || d::text)) % 3 = 0 THEN 1 ELSE 0 END,
                       abs(hashtext(p.reason || d::text)) % p.spread
                FROM generate_series(current_date - 13, current_date, interval '1 day') AS d
                CROSS JOIN (VALUES ('ORDER_IMPORT', 'UNKNOWN_SKU', 5), ('ORDER_IMPORT', 'ADDRESS_INCOMPLETE', 3),
                                   ('FULFILLMENT_WRITEBACK', 'FULFILLMENT_REFUSED', 2),
                                   ('INVENTORY_PUSH', 'SKU_NOT_IN_CHANNEL', 2)) AS p (flow, reason, spread)
                ON CONFLICT DO NOTHING""").update();
        jdbc.sql("""
                INSERT INTO health_drift_day (tenant_id, day, channel_sku, max_drift, last_drift)
                SELECT crossdock_current_tenant(), d::date, s.sku,
                       CASE WHEN s.sku = 'HP-TEE-BLK-M' AND d::date BETWEEN current_date - 5 AND current_date - 3
                            THEN 9 - (current_date - d::date) ELSE (abs(hashtext(s.sku || d::text)) % 5) - 2 END, 0
                FROM generate_series(current_date - 13, current_date, interval '1 day') AS d
                CROSS JOIN (VALUES ('HP-TEE-BLK-M'), ('HP-TEE-WHT-L'), ('HP-TEE-NVY-S')) AS s (sku)
                ON CONFLICT DO NOTHING""").update();
    }
}
