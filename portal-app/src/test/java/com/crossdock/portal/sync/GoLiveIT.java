package com.crossdock.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.channel.sandbox.StoreSummary;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.governance.ExceptionOwner;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.governance.ReadinessItem;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.onboarding.OnboardingStage;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.SystemKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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
 * Go-live, shadow mode and exception owners over real HTTP and PostgreSQL: a live store's orders stay in shadow
 * (kept, compared, nothing sent to the warehouse) until the order import is switched live, which readiness gates
 * and only a platform admin's recorded reason overrides; a SKU outside the go-live scope keeps an order in shadow;
 * an inventory comparison against the sandbox store records what differs and pushes nothing; exception queues route
 * to the owner's side with a response time. A second brand sees none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoLiveIT {

    private static final String SECRET = "shpss_live_webhook_secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, GoLiveIT.class);
        registry.add("crossdock.sync.schedule-flows", () -> "false");
    }

    @LocalServerPort int port;
    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired SyncService sync;
    @Autowired FlowService flows;
    @Autowired GovernanceService governance;
    @Autowired SandboxWarehouse sandboxWarehouse;
    @Autowired InventoryPush inventoryPush;
    @Autowired ShopifySandboxService sandbox;
    @Autowired ExceptionLog exceptions;
    @Autowired com.crossdock.portal.tenancy.TenantTransactions transactions;

    final JdbcClient superuser = TestDatabases.superuser(GoLiveIT.class);
    final HttpClient http = HttpClient.newHttpClient();
    TenantId apparel;
    TenantId home;
    UUID liveStore;
    UUID sandboxStore;
    UUID homeStore;

    @BeforeAll
    void twoTenantsOneWithALiveAndASandboxStore() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (String sku : List.of("IPOD2008GREEN", "IPOD2008RED")) {
                catalog.save(apparel, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                        List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-" + sku))), 0);
            }
            liveStore = channels.connectShopify(apparel, new ShopifyConnectionCommand("Main store",
                    "harbor-live.myshopify.com", "2026-07", ChannelMode.LIVE, "shpat_live_0123456789abcdef",
                    SECRET)).id();
            sandboxStore = channels.connectShopify(apparel, new ShopifyConnectionCommand("Test store",
                    "harbor-test.myshopify.com", "2026-07", ChannelMode.SANDBOX, "shpat_test_0123456789abcdef",
                    "test-secret")).id();
            homeStore = channels.connectShopify(home, new ShopifyConnectionCommand("Home store",
                    "oakline-live.myshopify.com", "2026-07", ChannelMode.LIVE, "shpat_home_0123456789abcdef",
                    "home-secret")).id();
            return null;
        });
    }

    @Test
    @Order(1)
    void aLiveStoresOrderStaysInShadowWithWhatItWouldSendAndNothingReachesTheWarehouse() throws Exception {
        GoLiveState state = asSystem(() -> flows.goLive(apparel));
        assertThat(state.flows()).filteredOn(entry -> entry.connectionId().equals(liveStore))
                .as("a live connection's flows start in shadow").isNotEmpty().allSatisfy(entry ->
                        assertThat(entry.live()).isFalse());
        assertThat(state.flows()).filteredOn(entry -> entry.connectionId().equals(sandboxStore))
                .as("a sandbox connection always runs against its sandbox").allSatisfy(entry ->
                        assertThat(entry.live()).isTrue());

        assertThat(post(liveStore, "wh-shadow-1", order(5001L, "SHOP-IPOD2008GREEN")).statusCode()).isEqualTo(200);
        OrderSummary shadowed = awaitOrder("#5001", OrderStatus.IMPORTED);
        assertThat(journey(shadowed.id())).contains("SHADOW").doesNotContain("RELEASED");
        assertThat(outbox(apparel)).as("nothing goes to the warehouse in shadow mode").isZero();
        assertThat(asSystem(() -> flows.shadowDifferences(apparel))).singleElement().satisfies(difference -> {
            assertThat(difference.flow()).isEqualTo(Flow.ORDER_IMPORT);
            assertThat(difference.subject()).isEqualTo("Order #5001");
            assertThat(difference.wouldSend()).isEqualTo("Release to the warehouse: IPOD2008GREEN × 1");
        });
        assertThat(asSystem(() -> flows.shadowDifferences(home))).isEmpty();
    }

    @Test
    @Order(2)
    void goingLiveNeedsReadinessOrAPlatformAdminsRecordedReasonAndThenOrdersAreReleased() throws Exception {
        assertThat(asSystem(() -> flows.goLive(apparel)).ready()).as("no owners chosen, nothing mapped").isFalse();
        assertThatThrownBy(() -> asSystem(() -> flows.switchLive(apparel, liveStore, Flow.ORDER_IMPORT, true, "")))
                .isInstanceOf(GoLiveRefusedException.class).hasMessageContaining("needs a reason");
        GoLiveState rehearsal = asSystem(() -> flows.switchLive(apparel, sandboxStore, Flow.ORDER_IMPORT, false,
                null));
        assertThat(rehearsal.flows()).filteredOn(entry -> entry.connectionId().equals(sandboxStore)
                && entry.flow() == Flow.ORDER_IMPORT).singleElement().satisfies(entry -> assertThat(entry.live())
                        .as("a sandbox flow goes into shadow to rehearse going live").isFalse());
        assertThat(asSystem(() -> tenants.overview(apparel)).stage()).as("a rehearsal on the sandbox is not live")
                .isNotEqualTo(OnboardingStage.LIMITED_GO_LIVE);
        assertThatThrownBy(() -> asSystem(() -> flows.switchLive(apparel, sandboxStore, Flow.ORDER_IMPORT, true,
                null))).as("the sandbox's way back to live has the same gate").isInstanceOf(
                        GoLiveRefusedException.class).hasMessageContaining("needs a reason");
        asSystem(() -> flows.switchLive(apparel, sandboxStore, Flow.ORDER_IMPORT, true,
                "Rehearsal on the sandbox is over"));

        GoLiveState live = asSystem(() -> flows.switchLive(apparel, liveStore, Flow.ORDER_IMPORT, true,
                "Launch agreed with the brand on the kickoff call"));
        assertThat(live.flows()).filteredOn(entry -> entry.connectionId().equals(liveStore)
                && entry.flow() == Flow.ORDER_IMPORT).singleElement().satisfies(entry -> {
                    assertThat(entry.live()).isTrue();
                    assertThat(entry.overrideReason()).isEqualTo("Launch agreed with the brand on the kickoff call");
                });
        assertThat(asSystem(() -> tenants.overview(apparel)).stage()).as("part of the brand is live")
                .isEqualTo(OnboardingStage.LIMITED_GO_LIVE);
        assertThat(asSystem(() -> tenants.overview(home)).stage()).isNotEqualTo(OnboardingStage.LIMITED_GO_LIVE);

        post(liveStore, "wh-live-1", order(5002L, "SHOP-IPOD2008GREEN"));
        awaitOrder("#5002", OrderStatus.RELEASED);
        assertThat(outbox(apparel)).isEqualTo(1);

        asSystem(() -> flows.setLiveSkus(apparel, List.of("ipod2008red")));
        assertThatThrownBy(() -> asSystem(() -> flows.setLiveSkus(apparel, List.of("NOT-A-SKU"))))
                .isInstanceOf(GoLiveRefusedException.class).hasMessageContaining("NOT-A-SKU");
        post(liveStore, "wh-live-2", order(5003L, "SHOP-IPOD2008GREEN"));
        OrderSummary outOfScope = awaitOrder("#5003", OrderStatus.IMPORTED);
        assertThat(asSystem(() -> sync.journey(apparel, outOfScope.id()))).anySatisfy(step -> assertThat(
                step.detail()).contains("not in the go-live scope: IPOD2008GREEN"));
        assertThat(outbox(apparel)).isEqualTo(1);
        assertThat(asSystem(() -> flows.goLive(home)).flows()).as("the other brand's store is untouched")
                .allSatisfy(entry -> assertThat(entry.live()).isFalse());
    }

    @Test
    @Order(3)
    void aShadowInventoryRunComparesWithWhatTheStoreShowsAndPushesNothing() {
        sandboxWarehouse.reportStock(apparel);
        StoreSummary before = asSystem(() -> sandbox.storeSummary(apparel, sandboxStore));

        FlowResult result = SystemActor.call("flow", () -> inventoryPush.shadow(apparel, sandboxStore));

        assertThat(result.recordsOut()).isZero();
        assertThat(result.message()).startsWith("Shadow mode: compared 2 listings");
        StoreSummary after = asSystem(() -> sandbox.storeSummary(apparel, sandboxStore));
        assertThat(after.inventoryAdjustments()).isEqualTo(before.inventoryAdjustments());
        Map<String, Integer> stock = asSystem(() -> sync.stock(apparel)).stream()
                .filter(row -> row.connectionName().equals("Test store"))
                .collect(java.util.stream.Collectors.toMap(StockRow::channelSku, StockRow::sellable));
        List<GoLiveState.Difference> found = asSystem(() -> flows.shadowDifferences(apparel)).stream()
                .filter(difference -> difference.flow() == Flow.INVENTORY_PUSH).toList();
        for (StoreSummary.InventoryLevel level : after.inventory()) {
            Integer wouldPush = stock.get(level.sku());
            if (wouldPush != null && wouldPush != level.available()) {
                assertThat(found).anySatisfy(difference -> {
                    assertThat(difference.subject()).isEqualTo("SKU " + level.sku());
                    assertThat(difference.wouldSend()).isEqualTo("Available " + wouldPush);
                    assertThat(difference.channelShows()).isEqualTo("Available " + level.available());
                });
            }
        }
        assertThat(found).isNotEmpty();
    }

    @Test
    @Order(4)
    void anExceptionGoesToTheSideOfItsQueueWithItsResponseTimeAndConfirmingEveryQueueIsAReadinessItem() {
        Instant opened = Instant.now();
        record(apparel, "UNKNOWN_SKU", "first");
        assertThat(exception(apparel, "first")).as("Crossdock owns master data by default: the 3PL answers")
                .containsEntry("owner", "3PL").satisfies(row -> assertThat(respondBy(row))
                        .isBetween(opened.plus(Duration.ofHours(4)).minusSeconds(5), opened.plus(Duration.ofHours(4))
                                .plusSeconds(60)));

        long version = asSystem(() -> governance.matrix(apparel)).version();
        asSystem(() -> governance.changeOwner(apparel, DataType.MASTER_SKU_DATA, SystemKind.ERP, version));
        record(apparel, "UNKNOWN_SKU", "second");
        assertThat(exception(apparel, "second")).as("the queue follows the new owner").containsEntry("owner",
                "Brand");

        long next = asSystem(() -> governance.matrix(apparel)).version();
        asSystem(() -> governance.saveExceptionOwner(apparel, "UNKNOWN_SKU", "3PL", 30, next));
        assertThatThrownBy(() -> asSystem(() -> governance.saveExceptionOwner(apparel, "UNKNOWN_SKU", "Warehouse",
                2, next + 1))).isInstanceOfSatisfying(
                        com.crossdock.portal.governance.SetupValidationException.class, refused -> assertThat(
                                refused.fieldErrors()).containsKeys("party", "response"));
        record(apparel, "UNKNOWN_SKU", "third");
        assertThat(exception(apparel, "third")).containsEntry("owner", "3PL");

        assertThat(readiness(apparel, "exception-owners").passed()).isFalse();
        List<ExceptionOwner> confirmed = asSystem(() -> governance.confirmExceptionOwners(apparel,
                asSystem(() -> governance.matrix(apparel)).version()));
        assertThat(confirmed).allSatisfy(queue -> assertThat(queue.confirmed()).isTrue());
        assertThat(confirmed).filteredOn(queue -> queue.code().equals("UNKNOWN_SKU")).singleElement()
                .satisfies(queue -> assertThat(queue.response()).isEqualTo(Duration.ofMinutes(30)));
        assertThat(readiness(apparel, "exception-owners").passed()).isTrue();
        assertThat(readiness(home, "exception-owners").passed()).as("the other brand confirmed nothing").isFalse();
        assertThat(asSystem(() -> governance.exceptionOwners(home))).allSatisfy(queue ->
                assertThat(queue.confirmed()).isFalse());
    }

    private void record(TenantId tenant, String reason, String subject) {
        transactions.writeAll(tenant, () -> exceptions.record(Flow.ORDER_IMPORT, null, null, reason, subject,
                subject, "test " + subject, "{}"));
    }

    private Map<String, Object> exception(TenantId tenant, String subject) {
        return superuser.sql("SELECT owner, respond_by FROM integration_exception WHERE tenant_id = :t AND subject = :s")
                .param("t", tenant.value()).param("s", subject).query().singleRow();
    }

    private static Instant respondBy(Map<String, Object> row) {
        return ((Timestamp) row.get("respond_by")).toInstant();
    }

    private ReadinessItem readiness(TenantId tenant, String id) {
        return asSystem(() -> governance.readiness(tenant)).stream().filter(item -> item.id().equals(id))
                .findFirst().orElseThrow();
    }

    private long outbox(TenantId tenant) {
        return superuser.sql("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t").param("t", tenant.value())
                .query(Long.class).single();
    }

    private List<String> journey(UUID orderId) {
        return asSystem(() -> sync.journey(apparel, orderId)).stream().map(JourneyStep::step).toList();
    }

    private OrderSummary awaitOrder(String name, OrderStatus status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> asSystem(() -> sync.orders(apparel, 50)).stream()
                .filter(order -> order.orderName().equals(name) && order.status() == status).findFirst()
                .orElse(null), java.util.Objects::nonNull);
    }

    /** The first order of Shopify's published orders list, with another id and one line of {@code sku}. */
    private static byte[] order(long id, String sku) throws Exception {
        Path fixture = Path.of(System.getProperty("crossdock.fixtures", "../../shared/fixtures"))
                .resolve("shopify/rest-2026-07-orders-list-response.json");
        ObjectNode order = (ObjectNode) JSON.readTree(Files.readString(fixture)).get("orders").get(0).deepCopy();
        order.put("id", id);
        order.put("name", "#" + id);
        order.put("updated_at", "2026-11-27T10:00:00Z");
        var lines = order.withArray("line_items");
        JsonNode template = lines.get(0).deepCopy();
        lines.removeAll();
        ObjectNode line = (ObjectNode) template.deepCopy();
        line.put("id", id * 10);
        line.put("sku", sku);
        line.put("quantity", 1);
        line.put("fulfillable_quantity", 1);
        lines.add(line);
        return JSON.writeValueAsBytes(order);
    }

    private HttpResponse<String> post(UUID connection, String webhookId, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/shopify/"
                        + apparel.value() + "/" + connection))
                .header("Content-Type", "application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Hmac-Sha256", ShopifyWebhookSignature.sign(body, SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
