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
import com.crossdock.portal.channel.shopify.FulfillmentInfo;
import com.crossdock.portal.channel.shopify.FulfillmentOrderInfo;
import com.crossdock.portal.channel.shopify.FulfillmentRequest;
import com.crossdock.portal.channel.shopify.InventoryItems;
import com.crossdock.portal.channel.shopify.ShopifyAdminClient;
import com.crossdock.portal.channel.shopify.ShopifyApiException;
import com.crossdock.portal.channel.shopify.ShopifyRefundParser;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.order.ChannelRefund;
import com.crossdock.portal.order.ChannelReturn;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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

/**
 * The real {@link ShopifyAdminClient} against the sandbox over HTTP, for what shipment confirmation and inventory
 * push need (fulfillment orders, fulfillments found again by tracking after an unknown outcome, inventory items by
 * SKU, the primary location), and the sandbox's refunds, returns and cancellations arriving at the portal as signed
 * webhooks that the connector's parser reads. Two tenants: neither sees the other's shop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopifySandboxFulfillmentIT {

    private static final String APPAREL_TOKEN = "shpat_sandbox_fulfil_0123456789";
    private static final String HOME_TOKEN = "shpat_sandbox_home_0123456789ab";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ShopifySandboxFulfillmentIT.class);
    }

    @LocalServerPort int port;
    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;
    @Autowired ShopifySandboxService sandbox;

    final JdbcClient superuser = TestDatabases.superuser(ShopifySandboxFulfillmentIT.class);
    final ShopifyRefundParser refundParser = new ShopifyRefundParser();
    TenantId apparel;
    TenantId home;
    UUID apparelStore;
    UUID homeStore;

    @BeforeAll
    void seedTwoTenantsWithCatalogsAndSandboxStores() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            item(apparel, "IPOD2008GREEN", new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-GREEN"));
            item(apparel, "IPOD2008RED");
            item(home, "HOME-MUG");
            apparelStore = connect(apparel, "Apparel sandbox", "apparel-fulfil", APPAREL_TOKEN);
            homeStore = connect(home, "Home sandbox", "home-fulfil", HOME_TOKEN);
            identity.createUser(new NewUser("apparel.viewer", "V", null, "long-password-4", Set.of(Role.BRAND_USER),
                    apparel));
            return null;
        });
    }

    @Test
    void aShipmentIsReportedAgainstTheOrdersFulfillmentOrderAndFoundAgainByItsTrackingAfterAnUnknownOutcome() {
        asSystem(() -> sandbox.generateOrders(apparel, apparelStore, OrderGeneration.of(1).withMultiLine(100, 3, 3)
                .withSeed(11)));
        StoreSummary.Order order = summary(apparel, apparelStore).orders().getLast();
        ShopifyAdminClient client = client(apparel, apparelStore, "apparel-fulfil", APPAREL_TOKEN);

        List<FulfillmentOrderInfo> fulfillmentOrders = client.fulfillmentOrdersOf(numeric(order.id()));

        assertThat(fulfillmentOrders).singleElement().satisfies(fulfillmentOrder -> {
            assertThat(fulfillmentOrder.id()).isEqualTo(order.fulfillmentOrderId());
            assertThat(fulfillmentOrder.status()).isEqualTo("OPEN");
            assertThat(fulfillmentOrder.lines()).extracting(FulfillmentOrderInfo.Line::id)
                    .containsExactlyElementsOf(order.lines().stream().map(StoreSummary.FulfillmentLine::id).toList());
            assertThat(fulfillmentOrder.lines()).extracting(FulfillmentOrderInfo.Line::sku)
                    .containsExactlyElementsOf(order.lines().stream().map(StoreSummary.FulfillmentLine::sku).toList());
            assertThat(fulfillmentOrder.lines()).extracting(FulfillmentOrderInfo.Line::remainingQuantity)
                    .containsExactlyElementsOf(order.lines().stream().map(StoreSummary.FulfillmentLine::quantity)
                            .toList());
            assertThat(fulfillmentOrder.lines()).allSatisfy(line ->
                    assertThat(line.lineItemId()).startsWith("gid://shopify/LineItem/"));
        });
        FulfillmentOrderInfo.Line first = fulfillmentOrders.getFirst().lines().getFirst();
        FulfillmentRequest parcel = new FulfillmentRequest(fulfillmentOrders.getFirst().id(),
                List.of(new FulfillmentRequest.Line(first.id(), 1)), "UPS", List.of("1ZCROSSDOCK0001"), false);

        fault(FaultPlan.none().withServerErrors(1));
        assertThatThrownBy(() -> client.createFulfillment(parcel)).isInstanceOfSatisfying(ShopifyApiException.class,
                unknown -> assertThat(unknown.kind()).isEqualTo(ShopifyApiException.Kind.OUTCOME_UNKNOWN));
        assertThat(client.fulfillmentsOf(order.id())).as("the 500 changed nothing, so it is safe to send again")
                .noneMatch(fulfillment -> fulfillment.carries(parcel.trackingNumbers()));

        String created = client.createFulfillment(parcel);

        assertThat(client.fulfillmentsOf(order.id())).singleElement().satisfies(fulfillment -> {
            assertThat(fulfillment.id()).isEqualTo(created);
            assertThat(fulfillment.status()).isEqualTo("SUCCESS");
            assertThat(fulfillment.carries(List.of("1ZCROSSDOCK0001"))).isTrue();
        });
        assertThat(client.fulfillmentOrdersOf(order.id()).getFirst()).satisfies(after -> {
            assertThat(after.status()).isEqualTo("IN_PROGRESS");
            assertThat(after.lines().getFirst().remainingQuantity()).isEqualTo(first.remainingQuantity() - 1);
        });
        assertThat(summary(apparel, apparelStore).fulfillmentsByOrderName().get(order.name()))
                .singleElement().extracting(StoreSummary.Fulfillment::trackingNumbers)
                .isEqualTo(List.of("1ZCROSSDOCK0001"));
        assertThatThrownBy(() -> client.fulfillmentOrdersOf("gid://shopify/Order/1"))
                .isInstanceOfSatisfying(ShopifyApiException.class,
                        missing -> assertThat(missing.kind()).isEqualTo(ShopifyApiException.Kind.NOT_FOUND));
        assertThat(summary(home, homeStore).fulfillments()).as("the other tenant's shop").isEmpty();
    }

    @Test
    void skusMapToTheShopsInventoryItemsAndTheWarehouseIsThePrimaryLocation() {
        ShopifyAdminClient client = client(apparel, apparelStore, "apparel-fulfil", APPAREL_TOKEN);
        Map<String, String> itemBySku = summary(apparel, apparelStore).inventory().stream().collect(
                java.util.stream.Collectors.toMap(StoreSummary.InventoryLevel::sku,
                        StoreSummary.InventoryLevel::inventoryItemId));

        InventoryItems items = client.inventoryItemIdsBySku(List.of("SHOP-GREEN", "IPOD2008RED", "IPOD2008GREEN",
                "HOME-MUG"));

        assertThat(items.found()).containsOnly(Map.entry("SHOP-GREEN", itemBySku.get("SHOP-GREEN")),
                Map.entry("IPOD2008RED", itemBySku.get("IPOD2008RED")));
        assertThat(items.notFound()).as("the master SKU behind a Shopify SKU alias, and the other tenant's SKU")
                .containsExactlyInAnyOrder("IPOD2008GREEN", "HOME-MUG");
        assertThat(items.ambiguous()).isEmpty();
        assertThat(client.primaryLocationId()).as("not the pop-up shop listed before it")
                .isEqualTo(summary(apparel, apparelStore).inventory().getFirst().locationId());

        ShopifyAdminClient homeClient = client(home, homeStore, "home-fulfil", HOME_TOKEN);
        assertThat(homeClient.inventoryItemIdsBySku(List.of("SHOP-GREEN", "HOME-MUG")).found())
                .containsOnlyKeys("HOME-MUG");
        assertThat(homeClient.primaryLocationId()).isNotEqualTo(client.primaryLocationId());
    }

    @Test
    void refundsReturnsAndCancellationsChangeTheShopAndReachThePortalAsWebhooksTheParserReads() {
        GenerationSummary generated = asSystem(() -> sandbox.generateOrders(apparel, apparelStore,
                OrderGeneration.of(3).withMultiLine(0, 2, 2).withSeed(12)));
        List<String> names = generated.orders().stream().map(GenerationSummary.GeneratedOrder::name).toList();
        ShopifyAdminClient client = client(apparel, apparelStore, "apparel-fulfil", APPAREL_TOKEN);

        // the first order ships in full, then the buyer asks to send it back
        StoreSummary.Order shipped = order(names.get(0));
        FulfillmentOrderInfo fulfillmentOrder = client.fulfillmentOrdersOf(shipped.id()).getFirst();
        client.createFulfillment(new FulfillmentRequest(fulfillmentOrder.id(), fulfillmentOrder.lines().stream()
                .map(line -> new FulfillmentRequest.Line(line.id(), line.remainingQuantity())).toList(), "USPS",
                List.of("9400100000000000000001"), false));
        SandboxDelivery returned = asSystem(() -> sandbox.requestReturn(apparel, apparelStore, shipped.name()));

        assertThat(returned.accepted()).as(returned.response()).isTrue();
        assertThat(summary(apparel, apparelStore).returns()).singleElement().satisfies(requested -> {
            assertThat(requested.id()).isEqualTo(returned.resourceId());
            assertThat(requested.status()).isEqualTo("REQUESTED");
            assertThat(requested.units()).isEqualTo(shipped.lines().getFirst().quantity());
        });
        ChannelReturn parsedReturn = refundParser.parseReturn(inbox("returns/request", returned.webhookId()),
                Instant.now());
        assertThat(parsedReturn.channelOrderId()).isEqualTo(numeric(shipped.id()));
        assertThat(parsedReturn.status()).isEqualTo("REQUESTED");
        assertThat(parsedReturn.lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualTo(shipped.lines().getFirst().quantity());
            assertThat(line.reason()).isIn(SandboxStore.RETURN_REASONS);
        });
        assertThatThrownBy(() -> asSystem(() -> sandbox.requestReturn(apparel, apparelStore, shipped.name())))
                .as("every shipped unit is on a return already").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> asSystem(() -> sandbox.cancel(apparel, apparelStore, shipped.name())))
                .as("Shopify does not cancel an order with fulfillments").isInstanceOf(IllegalStateException.class);

        // the second order is refunded before it ships, its units going back to available
        StoreSummary.Order unshipped = order(names.get(1));
        String sku = unshipped.lines().getFirst().sku();
        int availableBefore = summary(apparel, apparelStore).availableBySku().get(sku);
        SandboxDelivery refunded = asSystem(() -> sandbox.refund(apparel, apparelStore, unshipped.name(), true));

        assertThat(refunded.accepted()).as(refunded.response()).isTrue();
        assertThat(summary(apparel, apparelStore).availableBySku().get(sku))
                .isEqualTo(availableBefore + unshipped.lines().getFirst().quantity());
        ChannelRefund parsedRefund = refundParser.parseRefund(inbox("refunds/create", refunded.webhookId()));
        assertThat(parsedRefund.channelOrderId()).isEqualTo(numeric(unshipped.id()));
        assertThat(parsedRefund.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo(sku);
            assertThat(line.restock()).isTrue();
        });
        assertThat(parsedRefund.amount()).isEqualByComparingTo(summary(apparel, apparelStore).refunds()
                .getFirst().amount()).isGreaterThan(BigDecimal.ZERO);
        assertThat(client.fulfillmentOrdersOf(unshipped.id()).getFirst().status()).isEqualTo("CLOSED");
        assertThatThrownBy(() -> asSystem(() -> sandbox.refund(apparel, apparelStore, unshipped.name(), true)))
                .isInstanceOf(IllegalStateException.class);

        // the third is cancelled
        SandboxDelivery cancelled = asSystem(() -> sandbox.cancel(apparel, apparelStore, names.get(2)));
        assertThat(cancelled.accepted()).as(cancelled.response()).isTrue();
        assertThat(order(names.get(2)).cancelled()).isTrue();
        assertThat(new String(inbox("orders/cancelled", cancelled.webhookId()), StandardCharsets.UTF_8))
                .contains("\"cancelled_at\"", names.get(2));

        assertThatThrownBy(() -> asSystem(() -> sandbox.refund(apparel, apparelStore, "#9999", false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#9999");
        assertThatThrownBy(() -> asSystem(() -> sandbox.refund(home, apparelStore, names.get(0), false)))
                .as("a connection is found only under its own tenant").isInstanceOf(NoSuchConnectionException.class);
        assertThat(summary(home, homeStore).refunds()).isEmpty();
        assertThat(summary(home, homeStore).returns()).isEmpty();
        assertThat(superuser.sql("SELECT count(*) FROM channel_inbox WHERE tenant_id = :t").param("t", home.value())
                .query(Long.class).single()).as("nothing reached the other tenant").isZero();
    }

    @Test
    void onlyManagersMayRefundReturnOrCancel() {
        assertThatThrownBy(() -> sandbox.refund(apparel, apparelStore, "#1001", true))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> AsUser.call(users, "apparel.viewer", () -> sandbox.requestReturn(apparel,
                apparelStore, "#1001"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.call(users, "apparel.viewer", () -> sandbox.cancel(apparel, apparelStore,
                "#1001"))).isInstanceOf(AccessDeniedException.class);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** The payload the portal kept for one delivery; the inbox is written before the webhook is answered. */
    private byte[] inbox(String topic, String webhookId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> superuser.sql("""
                SELECT count(*) FROM channel_inbox WHERE tenant_id = :t AND connection_id = :c AND topic = :topic
                AND headers LIKE :webhook""").param("t", apparel.value()).param("c", apparelStore)
                .param("topic", topic).param("webhook", "%" + webhookId + "%").query(Long.class).single() == 1);
        return superuser.sql("""
                SELECT payload FROM channel_inbox WHERE tenant_id = :t AND connection_id = :c AND topic = :topic
                AND headers LIKE :webhook""").param("t", apparel.value()).param("c", apparelStore)
                .param("topic", topic).param("webhook", "%" + webhookId + "%").query(String.class).single()
                .getBytes(StandardCharsets.UTF_8);
    }

    private StoreSummary.Order order(String name) {
        return summary(apparel, apparelStore).orders().stream().filter(order -> order.name().equals(name))
                .findFirst().orElseThrow();
    }

    private ShopifyAdminClient client(TenantId tenant, UUID connection, String shop, String token) {
        return ShopifyAdminClient.builder(shop + ".myshopify.com", token)
                .baseUrl(URI.create("http://localhost:" + port + "/sandbox/shopify/" + tenant.value() + "/"
                        + connection))
                .sleeper(duration -> { })
                .build();
    }

    private void fault(FaultPlan plan) {
        asSystem(() -> sandbox.fault(apparel, apparelStore, plan));
    }

    private StoreSummary summary(TenantId tenant, UUID connection) {
        return asSystem(() -> sandbox.storeSummary(tenant, connection));
    }

    private static String numeric(String gid) {
        return gid.substring(gid.lastIndexOf('/') + 1);
    }

    private void item(TenantId tenant, String sku, AliasLine... aliases) {
        catalog.save(tenant, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)), List.of(aliases)), 0);
    }

    private UUID connect(TenantId tenant, String name, String shop, String token) {
        return channels.connectShopify(tenant, new ShopifyConnectionCommand(name, shop + ".myshopify.com",
                "2026-07", ChannelMode.SANDBOX, token, "whsec-" + shop)).id();
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
