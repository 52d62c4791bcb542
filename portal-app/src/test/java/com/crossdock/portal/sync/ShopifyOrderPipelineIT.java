package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify order webhooks through the real HTTP endpoint into the pipeline, against a real PostgreSQL, for two
 * tenants: signature check, inbox deduplication, SKU resolution and bundle explosion, holds and exceptions, stale
 * updates, the warehouse outbox, and isolation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopifyOrderPipelineIT {

    private static final String SECRET = "shpss_apparel_webhook_secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ShopifyOrderPipelineIT.class);
    }

    @LocalServerPort int port;
    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired SyncService sync;
    @Autowired OrderPipeline pipeline;

    final JdbcClient superuser = TestDatabases.superuser(ShopifyOrderPipelineIT.class);
    final HttpClient http = HttpClient.newHttpClient();
    TenantId apparel;
    TenantId home;
    UUID apparelStore;
    UUID homeStore;

    @BeforeAll
    void seedTwoTenantsWithCatalogsAndStores() {
        SystemActor.call("test", () -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (String sku : List.of("IPOD2008GREEN", "IPOD2008RED")) {
                catalog.save(apparel, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                        List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)), List.of()), 0);
            }
            catalog.saveBundle(apparel, null, new BundleDefinition(Sku.of("IPOD2008BLACK"), BundleKind.VIRTUAL,
                    List.of(new BundleDefinition.Component(Sku.of("IPOD2008RED"), 1),
                            new BundleDefinition.Component(Sku.of("IPOD2008GREEN"), 2))), 0);
            apparelStore = channels.connectShopify(apparel, new ShopifyConnectionCommand("Main store",
                    "harbor-pine.myshopify.com", "2026-07", ChannelMode.SANDBOX, "shpat_apparel_0123456789abcd",
                    SECRET)).id();
            homeStore = channels.connectShopify(home, new ShopifyConnectionCommand("Home store",
                    "oakline.myshopify.com", "2026-07", ChannelMode.SANDBOX, "shpat_home_0123456789abcdef",
                    "test-webhook-secret")).id();
            return null;
        });
    }

    @Test
    void anOrderIsReleasedOnceWithItsBundleExplodedAndARepeatOrAnOlderUpdateChangesNothing() throws Exception {
        byte[] order = order(450789469L, "2026-11-27T10:00:00Z", "IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK");

        assertThat(post(apparel, apparelStore, "orders/create", "wh-1", order, SECRET).statusCode()).isEqualTo(200);
        assertThat(post(apparel, apparelStore, "orders/create", "wh-1", order, SECRET).body())
                .isEqualTo("Already received");
        OrderSummary released = awaitOrder("#1001", OrderStatus.RELEASED);
        byte[] older = order(450789469L, "2026-11-27T09:00:00Z", "IPOD2008GREEN");
        post(apparel, apparelStore, "orders/updated", "wh-2", older, SECRET);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(journeySteps(released.id()))
                .contains("STALE_UPDATE_SKIPPED"));

        List<String> lines = SystemActor.call("test", () -> sync.warehouseLines(apparel, released.id()));
        assertThat(lines).containsExactly("IPOD2008GREEN × 1", "IPOD2008RED × 1",
                "IPOD2008GREEN × 2 (from IPOD2008BLACK)", "IPOD2008RED × 1 (from IPOD2008BLACK)");
        assertThat(journeySteps(released.id())).startsWith("RECEIVED", "NORMALISED", "RELEASED");
        assertThat(superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t AND order_id = :o")
                .param("t", apparel.value()).param("o", released.id()).query(Long.class).single())
                .as("released once, although the webhook came twice and an older update followed").isEqualTo(1);
        assertThat(superuser.sql("SELECT count(*) FROM channel_inbox WHERE tenant_id = :t AND dedup_key = 'webhook:wh-1'")
                .param("t", apparel.value()).query(Long.class).single()).isEqualTo(1);
        assertThat(SystemActor.call("test", () -> sync.orders(home, 10))).isEmpty();
    }

    @Test
    void anUnknownSkuHoldsTheOrderAndRepeatsFoldIntoOneExceptionWithItsRawPayload() throws Exception {
        post(apparel, apparelStore, "orders/create", "wh-10", order(9001L, "2026-11-27T10:00:00Z", "IPOD2008PINK"),
                SECRET);
        post(apparel, apparelStore, "orders/create", "wh-11", order(9002L, "2026-11-27T10:00:00Z", "IPOD2008PINK"),
                SECRET);

        OrderSummary held = awaitOrder("#9002", OrderStatus.HELD);
        assertThat(held.holdReasons()).containsExactly("Unknown SKU IPOD2008PINK");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                SystemActor.call("test", () -> sync.openExceptions(apparel)))
                .filteredOn(exception -> exception.reasonCode().equals("UNKNOWN_SKU"))
                .singleElement().satisfies(exception -> {
                    assertThat(exception.occurrences()).isEqualTo(2);
                    assertThat(exception.rawPayload()).contains("IPOD2008PINK");
                }));
        assertThat(SystemActor.call("test", () -> sync.openExceptions(home))).isEmpty();
    }

    @Test
    void afterTheSkuIsAddedARetryReleasesTheHeldOrderAndTheExceptionIsResolvedWithItsRootCause() throws Exception {
        post(apparel, apparelStore, "orders/create", "wh-40", order(8001L, "2026-11-27T10:00:00Z", "IPOD2008BLUE"),
                SECRET);
        awaitOrder("#8001", OrderStatus.HELD);
        IntegrationException unknown = await().atMost(Duration.ofSeconds(20)).until(() -> SystemActor.call("test",
                () -> sync.openExceptions(apparel)).stream()
                .filter(exception -> exception.message().contains("IPOD2008BLUE")).findFirst().orElse(null),
                java.util.Objects::nonNull);

        SystemActor.call("test", () -> catalog.save(apparel, null, new ItemCommand("IPOD2008BLUE", "Blue",
                ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)), List.of()), 0));
        assertThat(SystemActor.call("test", () -> sync.retryException(apparel, unknown.id()))).isTrue();

        OrderSummary released = awaitOrder("#8001", OrderStatus.RELEASED);
        assertThat(journeySteps(released.id())).containsSubsequence("HELD", "RELEASED");
        assertThat(SystemActor.call("test", () -> sync.resolveException(apparel, unknown.id(),
                "IPOD2008BLUE was missing from the catalog; added"))).isTrue();
        assertThat(SystemActor.call("test", () -> sync.openExceptions(apparel)))
                .noneSatisfy(exception -> assertThat(exception.id()).isEqualTo(unknown.id()));
        assertThat(SystemActor.call("test", () -> sync.resolveException(home, unknown.id(), "not mine"))).isFalse();
    }

    @Test
    void aBadSignatureIsRefusedAndRecordedAndNothingIsKept() throws Exception {
        byte[] order = order(7001L, "2026-11-27T10:00:00Z", "IPOD2008RED");
        HttpResponse<String> refused = post(apparel, apparelStore, "orders/create", "wh-20", order, "not-the-secret");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(SystemActor.call("test", () -> sync.badSignatures(apparel))).isEqualTo(1);
        assertThat(superuser.sql("SELECT count(*) FROM channel_inbox WHERE dedup_key = 'webhook:wh-20'")
                .query(Long.class).single()).isZero();
        assertThat(post(home, apparelStore, "orders/create", "wh-21", order, SECRET).statusCode())
                .as("another tenant's connection id is unknown under this tenant").isEqualTo(404);
    }

    @Test
    void shopifysPublishedSignatureVectorIsAcceptedAndABodyThatIsNoOrderBecomesAnException() throws Exception {
        Path vector = Path.of(System.getProperty("crossdock.fixtures", "../../shared/fixtures"))
                .resolve("shopify/webhook-hmac");
        byte[] body = Files.readAllBytes(vector.resolve("body.json"));
        String header = Files.readString(vector.resolve("x-shopify-hmac-sha256.txt")).strip();

        HttpResponse<String> accepted = send(home, homeStore, "orders/create", "wh-30", body, header);
        HttpResponse<String> malformed = post(home, homeStore, "orders/create", "wh-31",
                "{\"id\": 5, \"line_items\": [".getBytes(StandardCharsets.UTF_8), "test-webhook-secret");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(malformed.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                SystemActor.call("test", () -> sync.openExceptions(home)))
                .extracting(IntegrationException::reasonCode)
                .containsExactlyInAnyOrder("MISSING_FIELD", "MALFORMED_JSON"));
        assertThat(SystemActor.call("test", () -> sync.openExceptions(home)))
                .anySatisfy(exception -> assertThat(exception.rawPayload()).isEqualTo("{\"id\": 5, \"line_items\": ["));
    }

    @Test
    void aKeptWebhookThatNoTaskProcessedIsPickedUpByTheSweep() throws Exception {
        byte[] order = order(6001L, "2026-11-27T10:00:00Z", "IPOD2008RED");
        superuser.sql("""
                INSERT INTO channel_inbox (tenant_id, id, connection_id, source, topic, dedup_key, payload, received_at)
                VALUES (:t, :id, :c, 'WEBHOOK', 'orders/create', 'webhook:killed-before-processing', :payload,
                        now() - interval '1 hour')""").param("t", apparel.value()).param("id", UUID.randomUUID())
                .param("c", apparelStore).param("payload", new String(order, StandardCharsets.UTF_8)).update();

        assertThat(pipeline.sweep(OrderPipeline.SWEEP_AFTER)).isGreaterThanOrEqualTo(1);

        assertThat(awaitOrder("#6001", OrderStatus.RELEASED).lines()).isEqualTo(1);
        assertThat(pipeline.sweep(OrderPipeline.SWEEP_AFTER)).as("nothing left to sweep").isZero();
    }

    /** The first order of Shopify's published orders list, with another id, update time and SKUs. */
    private static byte[] order(long id, String updatedAt, String... skus) throws Exception {
        Path fixture = Path.of(System.getProperty("crossdock.fixtures", "../../shared/fixtures"))
                .resolve("shopify/rest-2026-07-orders-list-response.json");
        ObjectNode order = (ObjectNode) JSON.readTree(Files.readString(fixture)).get("orders").get(0).deepCopy();
        order.put("id", id);
        order.put("name", "#" + (id == 450789469L ? 1001 : id));
        order.put("updated_at", updatedAt);
        var lines = order.withArray("line_items");
        JsonNode template = lines.get(0).deepCopy();
        lines.removeAll();
        for (int i = 0; i < skus.length; i++) {
            ObjectNode line = (ObjectNode) template.deepCopy();
            line.put("id", id * 10 + i);
            line.put("sku", skus[i]);
            line.put("quantity", 1);
            line.put("fulfillable_quantity", 1);
            lines.add(line);
        }
        return JSON.writeValueAsBytes(order);
    }

    private OrderSummary awaitOrder(String name, OrderStatus status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> SystemActor.call("test", () -> sync.orders(apparel,
                50)).stream().filter(order -> order.orderName().equals(name) && order.status() == status)
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private List<String> journeySteps(UUID orderId) {
        return SystemActor.call("test", () -> sync.journey(apparel, orderId)).stream().map(JourneyStep::step)
                .toList();
    }

    private HttpResponse<String> post(TenantId tenant, UUID connection, String topic, String webhookId, byte[] body,
            String secret) throws Exception {
        return send(tenant, connection, topic, webhookId, body, ShopifyWebhookSignature.sign(body, secret));
    }

    private HttpResponse<String> send(TenantId tenant, UUID connection, String topic, String webhookId, byte[] body,
            String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/shopify/"
                        + tenant.value() + "/" + connection))
                .header("Content-Type", "application/json").header("X-Shopify-Topic", topic)
                .header("X-Shopify-Webhook-Id", webhookId).header("X-Shopify-Hmac-Sha256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
