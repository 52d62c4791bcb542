package com.crossdock.portal.sync;

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
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pipeline's invariant under a rough delivery, through the real HTTP endpoint and a real PostgreSQL: every
 * order is created and then updated, the two webhooks arrive in random order from eight threads at once, and 5% of
 * them arrive twice. In the end there is exactly one canonical order per channel order, at its newest version,
 * released exactly once; another tenant's store sees none of it. (The CI-sized variant of issue #5's 10,000-order
 * run; the throughput benchmark is {@code OrderPipelineBenchmark}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderPipelineReliabilityIT {

    private static final int ORDERS = 150;
    private static final String SECRET = "reliability-secret";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, OrderPipelineReliabilityIT.class);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
    }

    @LocalServerPort int port;
    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;

    final JdbcClient superuser = TestDatabases.superuser(OrderPipelineReliabilityIT.class);
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void duplicatedAndReorderedWebhooksEndInOneOrderPerChannelOrderReleasedOnceAtItsNewestVersion() throws Exception {
        TenantId tenant = tenant("Rough", "ROUGH");
        TenantId other = tenant("Quiet", "QUIET");
        UUID store = SystemActor.call("test", () -> {
            for (int i = 0; i < 5; i++) {
                catalog.save(tenant, null, new ItemCommand("MASTER-" + i, "Item " + i, ItemStatus.ACTIVE, false,
                        false, false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-" + i))), 0);
            }
            channels.connectShopify(other, new ShopifyConnectionCommand("Quiet", "quiet.myshopify.com", "2026-07",
                    ChannelMode.SANDBOX, "shpat_quiet_token_00000", "quiet-secret"));
            return channels.connectShopify(tenant, new ShopifyConnectionCommand("Rough", "rough.myshopify.com",
                    "2026-07", ChannelMode.SANDBOX, "shpat_rough_token_00000", SECRET)).id();
        });
        List<Delivery> deliveries = new ArrayList<>();
        Random random = new Random(27);
        for (int i = 0; i < ORDERS; i++) {
            deliveries.add(new Delivery("create-" + i, "orders/create", order(i, "2026-11-27T10:00:00Z", 1)));
            deliveries.add(new Delivery("update-" + i, "orders/updated", order(i, "2026-11-27T11:00:00Z", 2)));
        }
        int unique = deliveries.size();
        for (int i = 0; i < unique / 20; i++) {
            deliveries.add(deliveries.get(random.nextInt(unique)));
        }
        Collections.shuffle(deliveries, random);

        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            statuses.add(senders.submit(() -> post(tenant, store, delivery).statusCode()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        senders.shutdown();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> superuser.sql(
                "SELECT count(*) FROM channel_inbox WHERE tenant_id = :t AND processed_at IS NULL")
                .param("t", tenant.value()).query(Long.class).single() == 0);
        assertThat(count("SELECT count(*) FROM channel_inbox WHERE tenant_id = :t", tenant))
                .as("each webhook kept once").isEqualTo(unique);
        assertThat(count("SELECT count(*) FROM sales_order WHERE tenant_id = :t", tenant)).isEqualTo(ORDERS);
        assertThat(count("""
                SELECT count(*) FROM sales_order WHERE tenant_id = :t AND status = 'RELEASED'
                AND channel_updated_at = '2026-11-27T11:00:00Z'""", tenant)).as("all at their newest version")
                .isEqualTo(ORDERS);
        assertThat(count("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t", tenant)).isEqualTo(ORDERS);
        assertThat(count("""
                SELECT count(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                WHERE o.tenant_id = :t AND l.quantity = 2""", tenant)).as("lines of the newer version")
                .isEqualTo(ORDERS);
        assertThat(count("SELECT count(*) FROM sales_order WHERE tenant_id = :t", other)).isZero();
    }

    private long count(String sql, TenantId tenant) {
        return superuser.sql(sql).param("t", tenant.value()).query(Long.class).single();
    }

    private TenantId tenant(String name, String code) {
        return SystemActor.call("test", () -> tenants.create(
                new TenantCommand(name, code, TenantStatus.ACTIVE, null, null)).id());
    }

    /** Version 1 orders one of a SKU; version 2 (the update) orders two. */
    private static byte[] order(int i, String updatedAt, int quantity) {
        return """
                {"id": %d, "name": "#%d", "created_at": "2026-11-27T10:00:00Z", "updated_at": "%s",
                 "currency": "USD", "financial_status": "paid",
                 "shipping_address": {"name": "Pat Buyer", "address1": "1 Main St", "city": "Louisville",
                                      "province_code": "KY", "zip": "40202", "country_code": "US"},
                 "line_items": [{"id": %d, "sku": "SHOP-%d", "variant_id": 1, "title": "Item", "quantity": %d,
                                 "fulfillable_quantity": %d}]}"""
                .formatted(5_000_000L + i, 5000 + i, updatedAt, 9_000_000L + i, i % 5, quantity, quantity)
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(TenantId tenant, UUID store, Delivery delivery) throws Exception {
        String signature = ShopifyWebhookSignature.sign(delivery.body(), SECRET);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/shopify/"
                        + tenant.value() + "/" + store))
                .header("X-Shopify-Topic", delivery.topic()).header("X-Shopify-Webhook-Id", delivery.webhookId())
                .header("X-Shopify-Hmac-Sha256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Delivery(String webhookId, String topic, byte[] body) {
    }
}
