package com.crossdock.portal.channel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.shopify.AvailableQuantityUpdate;
import com.crossdock.portal.channel.shopify.FulfillmentRequest;
import com.crossdock.portal.channel.shopify.OrderPage;
import com.crossdock.portal.channel.shopify.PolledOrder;
import com.crossdock.portal.channel.shopify.ShopifyAdminClient;
import com.crossdock.portal.channel.shopify.ShopifyApiException;
import com.crossdock.portal.channel.shopify.Sleeper;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.tenancy.NoSuchTenantException;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Shopify sandbox against a real PostgreSQL and the real HTTP server, for two tenants: the real
 * {@link ShopifyAdminClient} pointed at it, faults it injects, orders it generates and sends as signed webhooks
 * through the real pipeline, and its refusals (live connections, other tenants, people without the role).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopifySandboxIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT_TOKEN = "shpat_sandbox_client_0123456789";
    private static final String FAULT_TOKEN = "shpat_sandbox_faults_0123456789";
    private static final String ORDERS_TOKEN = "shpat_sandbox_orders_0123456789";
    private static final String LIVE_TOKEN = "shpat_live_store_0123456789abcd";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ShopifySandboxIT.class);
    }

    @LocalServerPort int port;
    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;
    @Autowired SyncService sync;
    @Autowired ShopifySandboxService sandbox;

    final JdbcClient superuser = TestDatabases.superuser(ShopifySandboxIT.class);
    final HttpClient http = HttpClient.newHttpClient();
    TenantId apparel;
    TenantId home;
    UUID clientStore;
    UUID faultStore;
    UUID ordersStore;
    UUID liveStore;
    UUID homeStore;

    @BeforeAll
    void seedTwoTenantsWithCatalogsStoresAndPeople() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            item(apparel, "IPOD2008GREEN", new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-GREEN"));
            item(apparel, "IPOD2008RED");
            item(apparel, "IPOD2008BLUE", new AliasLine(AliasKind.SHOPIFY_VARIANT_ID, "39072856"));
            catalog.saveBundle(apparel, null, new BundleDefinition(Sku.of("IPOD2008BLACK"), BundleKind.VIRTUAL,
                    List.of(new BundleDefinition.Component(Sku.of("IPOD2008RED"), 1),
                            new BundleDefinition.Component(Sku.of("IPOD2008GREEN"), 2))), 0);
            item(home, "HOME-MUG");
            clientStore = connect(apparel, "Client store", "apparel-client", ChannelMode.SANDBOX, CLIENT_TOKEN);
            faultStore = connect(apparel, "Fault store", "apparel-faults", ChannelMode.SANDBOX, FAULT_TOKEN);
            ordersStore = connect(apparel, "Orders store", "apparel-orders", ChannelMode.SANDBOX, ORDERS_TOKEN);
            liveStore = connect(apparel, "Main store", "apparel-live", ChannelMode.LIVE, LIVE_TOKEN);
            homeStore = connect(home, "Home store", "home-sandbox", ChannelMode.SANDBOX, "shpat_home_0123456789");
            identity.createUser(new NewUser("apparel.admin", "A", null, "long-password-1", Set.of(Role.BRAND_ADMIN),
                    apparel));
            identity.createUser(new NewUser("apparel.user", "U", null, "long-password-2", Set.of(Role.BRAND_USER),
                    apparel));
            identity.createUser(new NewUser("home.admin", "H", null, "long-password-3", Set.of(Role.BRAND_ADMIN),
                    home));
            return null;
        });
    }

    @Test
    void theRealClientListsScopesPagesOrdersSinceATimeFulfilsAndSetsInventoryOnce() {
        asSystem(() -> sandbox.generateOrders(apparel, clientStore, OrderGeneration.of(4).withMultiLine(0, 2, 2)
                .withSeed(1)));
        asSystem(() -> sandbox.generateOrders(apparel, clientStore, OrderGeneration.of(1).withMultiLine(100, 26, 30)
                .withSeed(2)));
        ShopifyAdminClient client = client(clientStore, CLIENT_TOKEN, duration -> { });

        assertThat(client.accessScopes()).contains("read_orders", "write_fulfillments", "write_inventory");

        List<StoreSummary.Order> byUpdate = summary(clientStore).orders().stream()
                .sorted(Comparator.comparing(StoreSummary.Order::updatedAt).thenComparing(StoreSummary.Order::id))
                .toList();
        Instant since = byUpdate.get(2).updatedAt();
        Map<String, Integer> expected = byUpdate.stream().filter(order -> !order.updatedAt().isBefore(since))
                .collect(Collectors.toMap(order -> numeric(order.id()), order -> order.lines().size()));
        assertThat(expected).as("the time filter leaves older orders out").hasSizeLessThan(byUpdate.size())
                .containsValue(byUpdate.getLast().lines().size());
        List<CanonicalOrder> polled = new ArrayList<>();
        int pages = pageThrough(client, since, 2, polled);
        assertThat(polled).extracting(CanonicalOrder::channelOrderId)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(polled).as("every line, those beyond the first 25 fetched with the follow-up query")
                .allSatisfy(order -> assertThat(order.lines()).hasSize(expected.get(order.channelOrderId())));
        assertThat(byUpdate.getLast().lines()).hasSizeGreaterThan(25);
        assertThat(pages).isEqualTo((expected.size() + 1) / 2);

        fulfilsOnceAndRefusesMoreThanIsLeft(client, byUpdate.getLast());
        setsInventoryOncePerIdempotencyKey(client);
        assertThat(summary(clientStore).inventory()).extracting(StoreSummary.InventoryLevel::sku)
                .as("a variant per Shopify SKU alias, else the master SKU, and one per bundle")
                .contains("SHOP-GREEN", "IPOD2008RED", "IPOD2008BLUE", "IPOD2008BLACK")
                .doesNotContain("IPOD2008GREEN", "HOME-MUG");
        assertThat(summary(clientStore).inventory()).filteredOn(level -> level.sku().equals("IPOD2008BLUE"))
                .singleElement().extracting(StoreSummary.InventoryLevel::variantId)
                .as("the Shopify variant id alias").isEqualTo("gid://shopify/ProductVariant/39072856");
        assertThat(asSystem(() -> sandbox.storeSummary(home, homeStore)).orders())
                .as("the other tenant's shop").isEmpty();
    }

    /** Ships the first line of a long order in full; the order stays open, but that line has nothing left. */
    private void fulfilsOnceAndRefusesMoreThanIsLeft(ShopifyAdminClient client, StoreSummary.Order order) {
        StoreSummary.FulfillmentLine line = order.lines().getFirst();
        FulfillmentRequest shipment = new FulfillmentRequest(order.fulfillmentOrderId(),
                List.of(new FulfillmentRequest.Line(line.id(), line.quantity())), "UPS", List.of("1Z999AA10123456784"),
                false);

        String fulfillmentId = client.createFulfillment(shipment);

        assertThat(summary(clientStore).fulfillments()).singleElement().satisfies(fulfillment -> {
            assertThat(fulfillment.id()).isEqualTo(fulfillmentId);
            assertThat(fulfillment.orderId()).isEqualTo(order.id());
            assertThat(fulfillment.carrier()).isEqualTo("UPS");
            assertThat(fulfillment.trackingNumbers()).containsExactly("1Z999AA10123456784");
            assertThat(fulfillment.units()).isEqualTo(line.quantity());
        });
        assertThatThrownBy(() -> client.createFulfillment(shipment)).isInstanceOfSatisfying(
                ShopifyApiException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ShopifyApiException.Kind.USER_ERRORS);
                    assertThat(refused.messages()).singleElement().asString()
                            .contains("Invalid fulfillment order line item quantity requested.");
                });
        assertThat(summary(clientStore).fulfillments()).hasSize(1);
    }

    private void setsInventoryOncePerIdempotencyKey(ShopifyAdminClient client) {
        StoreSummary.InventoryLevel red = level(clientStore, "IPOD2008RED");
        AvailableQuantityUpdate set42 = new AvailableQuantityUpdate(red.inventoryItemId(), red.locationId(), 42,
                red.available(), "sync-1", "gid://crossdock/InventorySync/1");
        int adjustmentsBefore = summary(clientStore).inventoryAdjustments();

        client.setAvailableQuantity(set42);
        client.setAvailableQuantity(set42);
        assertThat(level(clientStore, "IPOD2008RED").available()).isEqualTo(42);
        assertThat(summary(clientStore).inventoryAdjustments()).isEqualTo(adjustmentsBefore + 1);

        client.setAvailableQuantity(new AvailableQuantityUpdate(red.inventoryItemId(), red.locationId(), 40, 42,
                "sync-2", null));
        client.setAvailableQuantity(set42);
        assertThat(level(clientStore, "IPOD2008RED").available()).as("sync-1 was applied once, not again")
                .isEqualTo(40);
        assertThat(summary(clientStore).inventoryAdjustments()).isEqualTo(adjustmentsBefore + 2);
        assertThatThrownBy(() -> client.setAvailableQuantity(new AvailableQuantityUpdate(red.inventoryItemId(),
                red.locationId(), 7, 41, "sync-3", null))).isInstanceOfSatisfying(ShopifyApiException.class,
                        refused -> assertThat(refused.messages()).singleElement().asString()
                                .contains("CHANGE_FROM_QUANTITY_STALE"));
    }

    @Test
    void theQueryCostBucketDrainsWithEachCallAndRefillsWithTime() throws Exception {
        String query = "{ orders(first: 5) { nodes { id lineItems(first: 5) { nodes { id } } } } }";
        JsonNode first = graphql(apparel, clientStore, CLIENT_TOKEN, query);
        long between = System.nanoTime();
        JsonNode second = graphql(apparel, clientStore, CLIENT_TOKEN, query);
        double elapsed = (System.nanoTime() - between) / 1e9;

        double before = first.path("extensions").path("cost").path("throttleStatus").path("currentlyAvailable")
                .asDouble();
        double after = second.path("extensions").path("cost").path("throttleStatus").path("currentlyAvailable")
                .asDouble();
        int charged = second.path("extensions").path("cost").path("actualQueryCost").asInt();
        assertThat(charged).isPositive();
        assertThat(after).as("charged the actual cost, refilled at most 50 points a second meanwhile")
                .isBetween(before - charged - 1, Math.min(1000, before + 50 * elapsed + 1) - charged + 1);
        assertThat(second.path("extensions").path("cost").path("requestedQueryCost").asInt())
                .isEqualTo(2 + 5 * (1 + 2 + 5));
    }

    @Test
    void withRateLimitsServerErrorsThrottlingAndLatencyInjectedTheClientStillSucceedsOrFailsAsItShould() {
        asSystem(() -> sandbox.generateOrders(apparel, faultStore, OrderGeneration.of(2).withMultiLine(0, 2, 2)
                .withSeed(3)));
        List<Duration> waits = new CopyOnWriteArrayList<>();
        ShopifyAdminClient client = client(faultStore, FAULT_TOKEN, waits::add);

        fault(FaultPlan.none().withRateLimited(2, Duration.ofSeconds(1)).withServerErrors(2));
        assertThat(client.accessScopes()).contains("read_orders");
        assertThat(waits).as("Retry-After twice, waited through the client's sleeper, then two backoffs").hasSize(4)
                .startsWith(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(summary(faultStore).faultyAnswers()).isEqualTo(4);

        StoreSummary.Order order = summary(faultStore).orders().getFirst();
        FulfillmentRequest shipment = new FulfillmentRequest(order.fulfillmentOrderId(),
                List.of(new FulfillmentRequest.Line(order.lines().getFirst().id(), 1)), "USPS",
                List.of("9400100000000000000000"), false);
        fault(FaultPlan.none().withServerErrors(1));
        assertThatThrownBy(() -> client.createFulfillment(shipment)).isInstanceOfSatisfying(ShopifyApiException.class,
                unknown -> assertThat(unknown.kind()).isEqualTo(ShopifyApiException.Kind.OUTCOME_UNKNOWN));
        assertThat(summary(faultStore).fulfillments()).as("a fault changes nothing").isEmpty();

        fault(FaultPlan.none().withRateLimited(1, Duration.ofMillis(1500)));
        assertThat(client.createFulfillment(shipment)).startsWith("gid://shopify/Fulfillment/");
        assertThat(waits.getLast()).as("Retry-After of a 429: Shopify did not run it")
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(summary(faultStore).fulfillments()).hasSize(1);

        fault(FaultPlan.none().withThrottled(2));
        assertThat(client.ordersUpdatedSince(Instant.EPOCH, null, 10).orders()).hasSize(2);
        assertThat(summary(faultStore).faultyAnswers()).isEqualTo(4 + 1 + 1 + 2);

        fault(FaultPlan.none().withLatency(Duration.ofMillis(700)));
        ShopifyAdminClient impatient = ShopifyAdminClient.builder("apparel-faults.myshopify.com", FAULT_TOKEN)
                .baseUrl(sandboxUrl(apparel, faultStore)).requestTimeout(Duration.ofMillis(150)).maxAttempts(1)
                .sleeper(waits::add).build();
        assertThatThrownBy(impatient::accessScopes).isInstanceOfSatisfying(ShopifyApiException.class,
                slow -> assertThat(slow.kind()).isEqualTo(ShopifyApiException.Kind.UNAVAILABLE));
        fault(FaultPlan.none());
        assertThat(client.accessScopes()).isNotEmpty();
    }

    @Test
    void fortyGeneratedOrdersWithDuplicatesUnknownSkusAndAShuffleEndAsFortyOrdersEachReleasedOnce() {
        long badSignaturesBefore = asSystem(() -> sync.badSignatures(apparel));

        GenerationSummary generated = asSystem(() -> sandbox.generateOrders(apparel, ordersStore,
                OrderGeneration.of(40).withBundles(10).withUnknownSkus(10).withDuplicates(10).shuffle()
                        .withBadSignature().withSeed(40)));

        assertThat(generated.ordersCreated()).isEqualTo(40);
        assertThat(generated.duplicates()).isEqualTo(4);
        assertThat(generated.badSignatures()).isEqualTo(1);
        assertThat(generated.webhooks()).isEqualTo(45);
        assertThat(generated.accepted()).isEqualTo(44);
        assertThat(generated.refused()).isEqualTo(1);
        assertThat(generated.problems()).isEmpty();
        Set<String> unknown = generated.orders().stream().filter(GenerationSummary.GeneratedOrder::unknownSku)
                .map(GenerationSummary.GeneratedOrder::id).collect(Collectors.toSet());
        assertThat(unknown).hasSize(4);
        assertThat(generated.orders()).filteredOn(GenerationSummary.GeneratedOrder::bundle).hasSize(4);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM sales_order WHERE connection_id = :c")).isEqualTo(40);
            assertThat(count("SELECT count(*) FROM channel_inbox WHERE connection_id = :c AND processed_at IS NULL"))
                    .isZero();
        });
        Map<String, String> statusByOrder = superuser.sql("""
                SELECT channel_order_id, status FROM sales_order WHERE tenant_id = :t AND connection_id = :c""")
                .param("t", apparel.value()).param("c", ordersStore)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(statusByOrder).hasSize(40).allSatisfy((order, status) -> assertThat(status)
                .isEqualTo(unknown.contains(order) ? "HELD" : "RELEASED"));
        assertThat(count("""
                SELECT count(*) FROM integration_exception WHERE connection_id = :c AND reason_code = 'UNKNOWN_SKU'
                AND status = 'OPEN'""")).isEqualTo(4);
        assertThat(count("""
                SELECT count(*) FROM wms_outbox w JOIN sales_order s ON s.id = w.order_id
                WHERE s.connection_id = :c""")).as("each released order queued once").isEqualTo(36);
        assertThat(count("""
                SELECT count(DISTINCT w.order_id) FROM wms_outbox w JOIN sales_order s ON s.id = w.order_id
                WHERE s.connection_id = :c""")).isEqualTo(36);
        assertThat(count("SELECT count(*) FROM channel_inbox WHERE connection_id = :c"))
                .as("duplicates kept once, the badly signed one not at all").isEqualTo(40);
        assertThat(asSystem(() -> sync.badSignatures(apparel))).isEqualTo(badSignaturesBefore + 1);

        assertThat(asSystem(() -> sync.orders(home, 500))).isEmpty();
        assertThat(asSystem(() -> sync.openExceptions(home))).isEmpty();
        assertThat(superuser.sql("SELECT count(*) FROM sales_order WHERE tenant_id = :t").param("t", home.value())
                .query(Long.class).single()).isZero();
        assertThatThrownBy(() -> asSystem(() -> sandbox.storeSummary(home, ordersStore)))
                .as("a connection is found only under its own tenant").isInstanceOf(NoSuchConnectionException.class);
    }

    @Test
    void aLiveConnectionIsRefusedAndItsTokenNeverOpensTheSandbox() {
        assertThatThrownBy(() -> asSystem(() -> sandbox.generateOrders(apparel, liveStore, OrderGeneration.of(1))))
                .isInstanceOf(NotASandboxConnectionException.class)
                .hasMessageContaining("“Main store” is a live connection");
        assertThatThrownBy(() -> asSystem(() -> sandbox.fault(apparel, liveStore, FaultPlan.none())))
                .isInstanceOf(NotASandboxConnectionException.class);
        assertThatThrownBy(() -> asSystem(() -> sandbox.storeSummary(apparel, liveStore)))
                .isInstanceOf(NotASandboxConnectionException.class);
        assertThat(SystemActor.call(ShopifySandboxService.ACTOR, () -> channels.sandboxCredentials(apparel,
                liveStore))).isEmpty();
        assertThatThrownBy(client(liveStore, LIVE_TOKEN, duration -> { })::accessScopes)
                .isInstanceOfSatisfying(ShopifyApiException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ShopifyApiException.Kind.REJECTED);
                    assertThat(refused.getMessage()).contains("HTTP 404");
                });
    }

    @Test
    void onlyManagersOfTheTenantDriveTheSandboxAndOnlyTheSandboxOpensItsCredentials() throws Exception {
        assertThat(AsUser.call(users, "apparel.admin", () -> sandbox.storeSummary(apparel, clientStore)).variants())
                .isGreaterThanOrEqualTo(4);
        assertThatThrownBy(() -> AsUser.call(users, "apparel.user", () -> sandbox.storeSummary(apparel,
                clientStore))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.call(users, "home.admin", () -> sandbox.generateOrders(apparel, clientStore,
                OrderGeneration.of(1)))).isInstanceOf(NoSuchTenantException.class);
        assertThatThrownBy(() -> sandbox.storeSummary(apparel, clientStore))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> AsUser.call(users, "apparel.admin", () -> channels.sandboxCredentials(apparel,
                clientStore))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asSystem(() -> channels.sandboxCredentials(apparel, clientStore)))
                .as("another system actor").isInstanceOf(AccessDeniedException.class);

        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(graphqlUri(apparel, clientStore))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ shop { name } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as("no session, no login redirect, no CSRF: the token decides")
                .isEqualTo(401);
        assertThat(noToken.body()).contains("Invalid API key or access token");
        assertThat(graphql(home, clientStore, CLIENT_TOKEN, "{ shop { name } }").path("errors").asString())
                .as("a connection under another tenant's id").isEqualTo("Not Found");
        assertThatThrownBy(client(clientStore, "shpat_wrong_token_000000", duration -> { })::accessScopes)
                .isInstanceOfSatisfying(ShopifyApiException.class,
                        refused -> assertThat(refused.getMessage()).contains("HTTP 401"));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private int pageThrough(ShopifyAdminClient client, Instant since, int pageSize, List<CanonicalOrder> polled) {
        String cursor = null;
        int pages = 0;
        do {
            OrderPage page = client.ordersUpdatedSince(since, cursor, pageSize);
            assertThat(page.orders()).allSatisfy(order -> assertThat(order).isInstanceOf(PolledOrder.Parsed.class));
            polled.addAll(page.canonicalOrders());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);
        return pages;
    }

    private ShopifyAdminClient client(UUID connection, String token, Sleeper sleeper) {
        String shop = superuser.sql("SELECT shop_domain FROM channel_connection WHERE id = :id")
                .param("id", connection).query(String.class).single();
        return ShopifyAdminClient.builder(shop, token).baseUrl(sandboxUrl(apparel, connection)).sleeper(sleeper)
                .build();
    }

    private URI sandboxUrl(TenantId tenant, UUID connection) {
        return URI.create("http://localhost:" + port + "/sandbox/shopify/" + tenant.value() + "/" + connection);
    }

    private URI graphqlUri(TenantId tenant, UUID connection) {
        return URI.create(sandboxUrl(tenant, connection) + "/admin/api/2026-07/graphql.json");
    }

    private JsonNode graphql(TenantId tenant, UUID connection, String token, String query) throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("query", query));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(graphqlUri(tenant, connection))
                .header("Content-Type", "application/json").header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private void fault(FaultPlan plan) {
        asSystem(() -> sandbox.fault(apparel, faultStore, plan));
    }

    private StoreSummary summary(UUID connection) {
        return asSystem(() -> sandbox.storeSummary(apparel, connection));
    }

    private StoreSummary.InventoryLevel level(UUID connection, String sku) {
        return summary(connection).inventory().stream().filter(level -> level.sku().equals(sku)).findFirst()
                .orElseThrow();
    }

    private long count(String sql) {
        return superuser.sql(sql).param("c", ordersStore).query(Long.class).single();
    }

    private static String numeric(String gid) {
        return gid.substring(gid.lastIndexOf('/') + 1);
    }

    private void item(TenantId tenant, String sku, AliasLine... aliases) {
        catalog.save(tenant, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)), List.of(aliases)), 0);
    }

    private UUID connect(TenantId tenant, String name, String shop, ChannelMode mode, String token) {
        return channels.connectShopify(tenant, new ShopifyConnectionCommand(name, shop + ".myshopify.com",
                "2026-07", mode, token, "whsec-" + shop)).id();
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
