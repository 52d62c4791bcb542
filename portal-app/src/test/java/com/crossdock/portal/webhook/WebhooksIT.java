package com.crossdock.portal.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.events.BrandEvent;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.receiving.InboundReceipt;
import com.crossdock.portal.receiving.InboundReceipts;
import com.crossdock.portal.receiving.InboundShipmentCommand;
import com.crossdock.portal.receiving.ReceivingService;
import com.crossdock.portal.returns.Disposition;
import com.crossdock.portal.returns.ReturnsService;
import com.crossdock.portal.returns.RmaCommand;
import com.crossdock.portal.returns.UnitCondition;
import com.crossdock.portal.support.ApiBrands;
import com.crossdock.portal.support.ApiCalls;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.ShipmentNotice;
import com.crossdock.portal.sync.WarehouseFeedback;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Outbound webhooks against a real HTTP receiver (WireMock) that checks every signature: each event of the brand
 * reaches it at least once through a receiver outage, the other brand's events never do, the delivery log shows the
 * failed and the good attempts, a delivery can be sent again, and a receiver that keeps failing gets its subscription
 * disabled with the reason shown until it is enabled again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhooksIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, WebhooksIT.class);
        registry.add("crossdock.webhooks.allow-private-addresses", () -> "true");
        registry.add("crossdock.webhooks.first-retry-after", () -> "100ms");
        registry.add("crossdock.webhooks.max-retry-after", () -> "200ms");
        // above the three deliveries that fail in the outage of the second test, so only the broken receiver's trips it
        registry.add("crossdock.webhooks.disable-after", () -> "6");
        registry.add("crossdock.webhooks.max-attempts", () -> "100");
        registry.add("crossdock.webhooks.timeout", () -> "2s");
        registry.add("crossdock.webhooks.poll-interval", () -> "1h");
    }

    @Autowired WarehouseFeedback warehouse;
    @Autowired UserDetailsService users;
    @Autowired WebhookService webhooks;
    @Autowired ReceivingService receiving;
    @Autowired InboundReceipts receipts;
    @Autowired ReturnsService returns;
    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    final JdbcClient superuser = TestDatabases.superuser(WebhooksIT.class);
    final List<LoggedRequest> received = new ArrayList<>();
    WireMockServer receiver;
    int receiverPort;
    ApiCalls api;
    ApiBrands apparel;
    ApiBrands home;
    NewSubscription subscription;
    String homeSecret;

    @BeforeAll
    void twoBrandsEachSubscribedToEverything() {
        receiver = started(0);
        receiverPort = receiver.port();
        api = new ApiCalls(port, ApiCalls.log());
        apparel = ApiBrands.seed(context, "Apparel", List.of("TEE-RED"));
        home = ApiBrands.seed(context, "Home", List.of("MUG"));
        subscription = AsUser.call(users, apparel.admin(), () -> webhooks.subscribe(apparel.tenant(),
                "http://127.0.0.1:" + receiverPort + "/apparel", Set.copyOf(BrandEvent.TYPES)));
        homeSecret = AsUser.call(users, home.admin(), () -> webhooks.subscribe(home.tenant(),
                "http://127.0.0.1:" + receiverPort + "/home", Set.copyOf(BrandEvent.TYPES))).secret();
    }

    @AfterAll
    void stopTheReceiver() {
        receiver.stop();
    }

    @Test
    @Order(1)
    void aSubscriptionNeedsAWebAddressAndKnownEventsAndItsSecretIsShownOnce() {
        assertThatThrownBy(() -> AsUser.call(users, apparel.admin(), () -> webhooks.subscribe(apparel.tenant(),
                "ftp://example.com/x", Set.of("order.exploded"))))
                .isInstanceOfSatisfying(WebhookValidationException.class, refused ->
                        assertThat(refused.fieldErrors()).containsOnlyKeys("url", "events"));
        assertThat(subscription.secret()).startsWith("whsec_");
        assertThat(subscription.toString()).doesNotContain(subscription.secret());
        assertThat(superuser.sql("SELECT position(convert_to(:s, 'UTF8') IN secret) FROM webhook_subscription "
                + "WHERE id = :id").param("s", subscription.secret()).param("id", subscription.subscription().id())
                .query(Integer.class).single()).as("kept sealed").isZero();
    }

    @Test
    @Order(2)
    void everyEventReachesTheReceiverSignedAtLeastOnceThroughAnOutage() {
        receiver.stop();
        String released = order("B2B-1", "TEE-RED").path("id").asString();
        order("B2B-2", "NOT-IN-CATALOG");
        order("HOME-1", home.key(), "MUG");
        assertThat(webhooks.deliverDue()).as("the receiver is down").isZero();
        assertThat(pending(apparel)).isEqualTo(3);
        DeliveryView failed = log().getFirst();
        assertThat(failed.log()).first().satisfies(attempt -> {
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).isNotBlank();
        });

        receiver = started(receiverPort);
        deliverUntilNothingIsPending();
        String exception = api.get(apparel.key(), "/api/v1/exceptions", Map.of(), "").body().path("data").get(0)
                .path("id").asString();
        api.post(apparel.key(), "/api/v1/exceptions/{id}/resolve", Map.of("id", exception),
                Map.of("rootCause", "SKU typo in the ERP"));
        SystemActor.call("test", () -> warehouse.recordShipment(apparel.tenant(), UUID.fromString(released),
                new ShipmentNotice("WH-1", "UPS", "Ground", List.of("1Z999AA10123456784"), Instant.now(),
                        List.of(new ShipmentNotice.Line("TEE-RED", 2)))));
        receiveAnInboundShipmentCompletely();
        deliverUntilNothingIsPending();

        Map<String, JsonNode> byType = new HashMap<>();
        for (LoggedRequest request : requests("/apparel")) {
            verifySignature(request, subscription.secret());
            JsonNode event = ApiCalls.JSON.readTree(request.getBodyAsString());
            assertThat(request.getHeader("Crossdock-Event")).isEqualTo(event.path("type").asString());
            byType.put(event.path("type").asString(), event.path("data"));
        }
        // stock moves and dispositioned returns have a test of their own (the last)
        assertThat(byType.keySet()).containsExactlyInAnyOrderElementsOf(BrandEvent.TYPES.stream()
                .filter(type -> !type.equals(BrandEvent.INVENTORY_CHANGED)
                        && !type.equals(BrandEvent.RETURN_DISPOSITIONED)).toList());
        assertThat(byType.get("order.released").path("reference").asString()).isEqualTo("B2B-1");
        assertThat(byType.get("order.held").path("reasons").get(0).asString()).contains("NOT-IN-CATALOG");
        assertThat(byType.get("order.shipped").path("trackingNumbers").get(0).asString())
                .isEqualTo("1Z999AA10123456784");
        assertThat(byType.get("exception.resolved").path("rootCause").asString()).isEqualTo("SKU typo in the ERP");
        assertThat(byType.get("receipt.completed").path("reference").asString()).isEqualTo("PO-1");

        List<LoggedRequest> homes = requests("/home");
        assertThat(homes).isNotEmpty().allSatisfy(request -> {
            verifySignature(request, homeSecret);
            assertThat(request.getBodyAsString()).doesNotContain("B2B-", "TEE-RED", "PO-1");
        });
        assertThat(log()).allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo("DELIVERED"));
        assertThat(log()).anySatisfy(delivery -> assertThat(delivery.log()).extracting(DeliveryView.Attempt::statusCode)
                .containsExactly(null, 200));
    }

    @Test
    @Order(3)
    void aDeliveryCanBeSentAgainByHand() {
        DeliveryView first = log().getLast();
        int before = requests("/apparel").size();
        assertThat(AsUser.call(users, apparel.admin(), () -> webhooks.redeliver(apparel.tenant(), first.id())))
                .isTrue();
        deliverUntilNothingIsPending();
        List<LoggedRequest> after = requests("/apparel");
        assertThat(after).hasSize(before + 1);
        assertThat(after.getLast().getHeader("Crossdock-Event-Id")).isEqualTo(first.eventId().toString());
        assertThat(AsUser.call(users, home.admin(), () -> webhooks.deliveries(home.tenant(),
                subscription.subscription().id(), 50))).as("not the other brand's").isEmpty();
    }

    @Test
    @Order(4)
    void aReceiverThatKeepsFailingGetsItsSubscriptionDisabledWithTheReasonUntilItIsEnabledAgain() {
        receiver.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
        NewSubscription broken = AsUser.call(users, apparel.admin(), () -> webhooks.subscribe(apparel.tenant(),
                "http://127.0.0.1:" + receiverPort + "/broken", Set.of(BrandEvent.ORDER_RELEASED)));
        UUID id = broken.subscription().id();
        assertThat(AsUser.call(users, apparel.admin(), () -> webhooks.sendTest(apparel.tenant(), id))).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(150)).until(() -> {
            webhooks.deliverDue();
            return !subscriptionOf(id).active();
        });
        SubscriptionView disabled = subscriptionOf(id);
        assertThat(disabled.consecutiveFailures()).isEqualTo(6);
        assertThat(disabled.disabledReason()).contains("HTTP 500").contains("enable the subscription again");
        assertThat(superuser.sql("SELECT count(*) FROM tenant_activity WHERE tenant_id = :t AND action = "
                + "'webhook.disabled'").param("t", apparel.tenant().value()).query(Long.class).single()).isOne();

        order("B2B-3", "TEE-RED");
        webhooks.deliverDue();
        assertThat(requests("/broken")).as("nothing is sent while disabled").hasSize(6);
        receiver.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(204)));
        assertThat(AsUser.call(users, apparel.admin(), () -> webhooks.enable(apparel.tenant(), id))).isTrue();
        deliverUntilNothingIsPending();
        assertThat(requests("/broken")).as("the test again and the release kept while disabled").hasSize(8);
        assertThat(subscriptionOf(id).active()).isTrue();
    }

    @Test
    @Order(5)
    void stockMovesBeyondEachSubscriptionsThresholdAndDispositionedReturnUnitsAreDeliveredSigned() {
        receiver.stubFor(post(urlEqualTo("/apparel-stock")).willReturn(aResponse().withStatus(200)));
        NewSubscription bigMoves = AsUser.call(users, apparel.admin(), () -> webhooks.subscribe(apparel.tenant(),
                "http://127.0.0.1:" + receiverPort + "/apparel-stock", Set.of(BrandEvent.INVENTORY_CHANGED), 3, 100));
        assertThat(bigMoves.subscription().inventoryMinUnits()).isEqualTo(3);
        assertThatThrownBy(() -> AsUser.call(users, apparel.admin(), () -> webhooks.subscribe(apparel.tenant(),
                "https://example.com/x", Set.of(BrandEvent.INVENTORY_CHANGED), 0, 2000)))
                .isInstanceOfSatisfying(WebhookValidationException.class, refused ->
                        assertThat(refused.fieldErrors()).containsOnlyKeys("inventoryMinUnits",
                                "inventoryMinPercent"));
        UUID everything = subscription.subscription().id();

        // TEE-RED was seeded with 8 available: +1 (12.5 %), nothing, -4 (44 %), then a 947 of -1 (20 %)
        stock(apparel, "TEE-RED", 9);
        stock(apparel, "TEE-RED", 9);
        stock(apparel, "TEE-RED", 5);
        assertThat(warehouse.recordAdjustments(apparel.tenant(), "ADJ-1", LocalDate.now(), List.of(
                new WarehouseFeedback.StockAdjustment("TEE-RED", -1, "05", "Damaged in storage")))).isOne();
        stock(home, "MUG", 0);

        assertThat(stockMoves(everything)).as("10 units or 10 %: every move here").containsExactly("8>9", "9>5",
                "5>4");
        assertThat(stockMoves(bigMoves.subscription().id())).as("3 units or 100 %").containsExactly("9>5");
        assertThat(superuser.sql("SELECT count(*) FROM webhook_delivery WHERE tenant_id = :t AND event_type = "
                + "'inventory.changed'").param("t", home.tenant().value()).query(Long.class).single())
                .as("the other brand's own move").isOne();

        UUID rma = AsUser.call(users, apparel.admin(), () -> {
            var created = returns.create(apparel.tenant(), new RmaCommand(null, "", List.of(new RmaCommand.Line(
                    "TEE-RED", 1, "Too small"))));
            var scanned = returns.receiveUnit(apparel.tenant(), created.id(), "TEE-RED", UnitCondition.OPENED);
            returns.disposition(apparel.tenant(), scanned.unitId(), Disposition.RESTOCK_B_GRADE, "Creased");
            return created.id();
        });
        deliverUntilNothingIsPending();

        List<LoggedRequest> bigMoveRequests = requests("/apparel-stock");
        assertThat(bigMoveRequests).hasSize(1);
        verifySignature(bigMoveRequests.getFirst(), bigMoves.secret());
        JsonNode moved = ApiCalls.JSON.readTree(bigMoveRequests.getFirst().getBodyAsString());
        assertThat(moved.path("type").asString()).isEqualTo("inventory.changed");
        assertThat(moved.path("data").path("sku").asString()).isEqualTo("TEE-RED");
        assertThat(moved.path("data").path("change").asInt()).isEqualTo(-4);

        List<JsonNode> dispositioned = requests("/apparel").stream().map(request -> {
            verifySignature(request, subscription.secret());
            return ApiCalls.JSON.readTree(request.getBodyAsString());
        }).filter(body -> body.path("type").asString().equals("return.dispositioned")).toList();
        assertThat(dispositioned).hasSize(1);
        assertThat(dispositioned.getFirst().path("data").path("returnId").asString()).isEqualTo(rma.toString());
        assertThat(dispositioned.getFirst().path("data").path("disposition").asString())
                .isEqualTo("RESTOCK_B_GRADE");
        assertThat(requests("/home").stream().map(request -> ApiCalls.JSON.readTree(request.getBodyAsString())
                .path("type").asString())).as("the other brand got its own stock move, no return")
                .contains("inventory.changed").doesNotContain("return.dispositioned");
    }

    private void stock(ApiBrands brand, String sku, int available) {
        warehouse.recordInventory(brand.tenant(), List.of(new com.crossdock.portal.sync.InventoryPosition(sku, 10,
                available)), "TEST", Instant.now());
    }

    private List<String> stockMoves(UUID subscriptionId) {
        return superuser.sql("SELECT (payload::jsonb -> 'data' ->> 'availableBefore') || '>' || (payload::jsonb -> "
                + "'data' ->> 'available') FROM webhook_delivery WHERE subscription_id = :s AND event_type = "
                + "'inventory.changed' ORDER BY created_at, id").param("s", subscriptionId).query(String.class)
                .list();
    }

    private JsonNode order(String reference, String sku) {
        return order(reference, apparel.key(), sku);
    }

    private JsonNode order(String reference, String key, String sku) {
        ApiCalls.Answer answer = api.post(key, "/api/v1/orders", Map.of(), Map.of("reference", reference,
                "shipTo", Map.of("name", "Dock 4", "address1", "1 Main St", "city", "Louisville", "provinceCode", "KY",
                        "postalCode", "40202", "countryCode", "US"),
                "lines", List.of(Map.of("sku", sku, "quantity", 2))));
        assertThat(answer.status()).isEqualTo(201);
        return answer.body();
    }

    private void receiveAnInboundShipmentCompletely() {
        AsUser.run(users, apparel.admin(), () -> {
            var shipment = receiving.create(apparel.tenant(), new InboundShipmentCommand("PO-1", "", LocalDate.now(),
                    List.of(new InboundShipmentCommand.Line("TEE-RED", 4))));
            receiving.sendToWarehouse(apparel.tenant(), shipment.id());
        });
        SystemActor.call("test", () -> receipts.applyReceipt(apparel.tenant(), "PO-1", new InboundReceipt("R-1",
                true, List.of(new InboundReceipt.Line("TEE-RED", 4, 0)))));
    }

    private void deliverUntilNothingIsPending() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(150)).until(() -> {
            webhooks.deliverDue();
            return pending(apparel) + pending(home) == 0;
        });
    }

    private long pending(ApiBrands brand) {
        return superuser.sql("SELECT count(*) FROM webhook_delivery WHERE tenant_id = :t AND status = 'PENDING'")
                .param("t", brand.tenant().value()).query(Long.class).single();
    }

    private List<DeliveryView> log() {
        return AsUser.call(users, apparel.admin(), () -> webhooks.deliveries(apparel.tenant(),
                subscription.subscription().id(), 100));
    }

    private SubscriptionView subscriptionOf(UUID id) {
        return AsUser.call(users, apparel.admin(), () -> webhooks.subscriptions(apparel.tenant())).stream()
                .filter(view -> view.id().equals(id)).findFirst().orElseThrow();
    }

    private List<LoggedRequest> requests(String path) {
        List<LoggedRequest> all = new ArrayList<>(received);
        all.addAll(receiver.findAll(postRequestedFor(urlEqualTo(path))));
        return all.stream().filter(request -> request.getUrl().equals(path)).toList();
    }

    /** A receiver on this port (0: any), answering 200 to both brands; an old receiver's requests are kept. */
    private WireMockServer started(int onPort) {
        if (receiver != null) {
            received.addAll(receiver.findAll(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
                    .anyUrl())));
        }
        WireMockServer server = new WireMockServer(options().port(onPort).bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo("/apparel")).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlEqualTo("/home")).willReturn(aResponse().withStatus(200)));
        return server;
    }

    /** What a brand's receiver does: recompute the HMAC over "t.body" and check the time is recent. */
    private static void verifySignature(LoggedRequest request, String secret) {
        String header = request.getHeader("Crossdock-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String timestamp = header.substring(2, header.indexOf(','));
        String signature = header.substring(header.indexOf("v1=") + 3);
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(300L));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.getBodyAsString())
                    .getBytes(StandardCharsets.UTF_8)))).isEqualTo(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
