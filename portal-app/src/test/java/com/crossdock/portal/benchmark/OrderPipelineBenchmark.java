package com.crossdock.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.OrderPipeline;
import com.crossdock.portal.sync.WebhookOutcome;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The order pipeline benchmark of issue #5, not part of the test suite (run it with
 * {@code bash portal-app/src/benchmark/benchmark.sh OrderPipelineBenchmark}): signed Shopify order webhooks
 * received and processed from inbox to outbox, beside a COPY of the same canonical rows, and the latency from
 * keeping a webhook to queueing its order for the warehouse. Prints a Markdown table.
 */
@SpringBootTest
class OrderPipelineBenchmark {

    private static final int ORDERS = Integer.getInteger("benchmark.orders", 2_000);
    private static final int LINES = 3;
    private static final String SECRET = "benchmark-secret";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, OrderPipelineBenchmark.class);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired OrderPipeline pipeline;

    final JdbcClient superuser = TestDatabases.superuser(OrderPipelineBenchmark.class);

    @Test
    void ordersFromWebhookToOutbox() throws Exception {
        TenantId tenant = tenant("Pipeline", "PIPE");
        TenantId copied = tenant("Copy", "COPY");
        UUID store = SystemActor.call("benchmark", () -> {
            for (int i = 0; i < 50; i++) {
                catalog.save(tenant, null, new ItemCommand("MASTER-" + i, "Item " + i, ItemStatus.ACTIVE, false,
                        false, false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-" + i))), 0);
            }
            return channels.connectShopify(tenant, new ShopifyConnectionCommand("Bench", "bench.myshopify.com",
                    "2026-07", ChannelMode.SANDBOX, "shpat_benchmark_token_0000", SECRET)).id();
        });
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            bodies.add(order(i).getBytes(StandardCharsets.UTF_8));
        }

        // webhooks arrive side by side, as Shopify sends them: eight at a time
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<WebhookOutcome>> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < ORDERS; i++) {
            byte[] body = bodies.get(i);
            String id = "bench-" + i;
            String signature = ShopifyWebhookSignature.sign(body, SECRET);
            outcomes.add(senders.submit(() -> pipeline.receiveShopifyWebhook(tenant, store, "orders/create", id,
                    signature, "", body, "127.0.0.1")));
        }
        for (var outcome : outcomes) {
            assertThat(outcome.get().kind()).isEqualTo(WebhookOutcome.Kind.ACCEPTED);
        }
        long received = System.nanoTime() - start;
        senders.shutdown();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> superuser.sql(
                "SELECT count(*) FROM wms_outbox WHERE tenant_id = :t").param("t", tenant.value())
                .query(Long.class).single() == ORDERS);
        long pipelineNanos = System.nanoTime() - start;
        assertThat(superuser.sql("SELECT count(*) FROM sales_order WHERE tenant_id = :t AND status = 'RELEASED'")
                .param("t", tenant.value()).query(Long.class).single()).isEqualTo(ORDERS);

        List<Double> latencies = superuser.sql("""
                SELECT extract(epoch FROM (w.created_at - i.received_at)) * 1000
                FROM wms_outbox w JOIN sales_order o ON o.id = w.order_id
                JOIN channel_inbox i ON i.dedup_key = 'webhook:bench-' || (o.channel_order_id::bigint - 1000000)
                WHERE w.tenant_id = :t ORDER BY 1""").param("t", tenant.value()).query(Double.class).list();

        long copy = copyCanonicalRows(copied, store);

        double seconds = pipelineNanos / 1e9;
        StringBuilder out = new StringBuilder("\n| measurement | result |\n|---|---|\n");
        row(out, "orders (3 lines each) received by 8 senders: verified and kept in the inbox", "%,d in %.2f s"
                .formatted(ORDERS, received / 1e9));
        row(out, "inbox → outbox, all released", "%.2f s".formatted(seconds));
        row(out, "pipeline throughput", "%.0f orders/s, %.0f lines/s".formatted(ORDERS / seconds,
                ORDERS * LINES / seconds));
        row(out, "COPY of the same canonical rows (orders + lines, superuser)", "%.2f s: %.0f orders/s"
                .formatted(copy / 1e9, ORDERS / (copy / 1e9)));
        row(out, "pipeline ÷ COPY rate", "%.0f %%".formatted(100.0 * (ORDERS / seconds) / (ORDERS / (copy / 1e9))));
        row(out, "webhook kept → order queued for the warehouse, p50", "%.0f ms".formatted(percentile(latencies, 50)));
        row(out, "webhook kept → order queued for the warehouse, p99", "%.0f ms".formatted(percentile(latencies, 99)));
        System.out.println(out);
        Files.writeString(Path.of(System.getProperty("benchmark.out", "target/order-pipeline-benchmark.md")), out);
    }

    private TenantId tenant(String name, String code) {
        return SystemActor.call("benchmark", () -> tenants.create(
                new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id());
    }

    private static String order(int i) {
        StringBuilder lines = new StringBuilder();
        for (int l = 0; l < LINES; l++) {
            lines.append(l == 0 ? "" : ",").append("""
                    {"id": %d, "sku": "SHOP-%d", "variant_id": %d, "title": "Item", "quantity": 2,
                     "fulfillable_quantity": 2}""".formatted(i * 10L + l, (i + l) % 50, 7000 + l));
        }
        return """
                {"id": %d, "name": "#%d", "created_at": "2026-11-27T10:00:00Z", "updated_at": "2026-11-27T10:00:00Z",
                 "currency": "USD", "financial_status": "paid", "email": "buyer@example.com",
                 "shipping_address": {"name": "Pat Buyer", "address1": "1 Main St", "city": "Louisville",
                                      "province_code": "KY", "zip": "40202", "country_code": "US"},
                 "line_items": [%s]}""".formatted(1_000_000L + i, 1000 + i, lines);
    }

    private long copyCanonicalRows(TenantId tenant, UUID storeOfOtherTenant) throws Exception {
        UUID connection = UUID.randomUUID();
        superuser.sql("""
                INSERT INTO channel_connection (tenant_id, id, channel, name, shop_domain, api_version, mode,
                    access_token, webhook_secret, created_at, updated_at, updated_by)
                SELECT :t, :c, channel, name, 'copy.myshopify.com', api_version, mode, access_token, webhook_secret,
                    now(), now(), 'benchmark' FROM channel_connection WHERE id = :other""")
                .param("t", tenant.value()).param("c", connection).param("other", storeOfOtherTenant).update();
        StringBuilder orders = new StringBuilder();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < ORDERS; i++) {
            String id = UUID.randomUUID().toString();
            orders.append(tenant.value()).append('\t').append(id).append('\t').append(connection).append('\t')
                    .append(1_000_000L + i).append("\t#").append(1000 + i)
                    .append("\tRELEASED\t\t2026-11-27 10:00:00+00\t2026-11-27 10:00:00+00\tPat Buyer\tUS\t\\N")
                    .append("\t2026-11-27 10:00:00+00\t2026-11-27 10:00:00+00\t0\n");
            for (int l = 0; l < LINES; l++) {
                lines.append(tenant.value()).append('\t').append(UUID.randomUUID()).append('\t').append(id)
                        .append('\t').append(l + 1).append('\t').append(i * 10L + l).append("\tSHOP-").append(l)
                        .append("\tMASTER-").append(l).append("\t\\N\t2\n");
            }
        }
        String url = superuser.sql("SELECT 'jdbc:postgresql://localhost:' || current_setting('port') || '/' "
                + "|| current_database()").query(String.class).single();
        long start = System.nanoTime();
        try (Connection connection1 = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            connection1.setAutoCommit(false);
            var copy = connection1.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY sales_order (tenant_id, id, connection_id, channel_order_id, order_name, status, "
                    + "hold_reasons, channel_created_at, channel_updated_at, ship_to_name, ship_to_country, "
                    + "shipping_method, created_at, updated_at, version) FROM STDIN", new StringReader(orders.toString()));
            copy.copyIn("COPY sales_order_line (tenant_id, id, order_id, line_no, channel_line_id, channel_sku, "
                    + "master_sku, from_bundle, quantity) FROM STDIN", new StringReader(lines.toString()));
            connection1.commit();
        }
        return System.nanoTime() - start;
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static void row(StringBuilder out, String what, String result) {
        out.append("| ").append(what).append(" | ").append(result).append(" |\n");
    }
}
