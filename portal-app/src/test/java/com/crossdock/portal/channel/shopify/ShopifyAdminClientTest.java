package com.crossdock.portal.channel.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.channel.shopify.ShopifyApiException.Kind;
import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.CanonicalOrder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The client against WireMock standing in for a shop's Admin GraphQL endpoint; waits go to a fake clock. */
class ShopifyAdminClientTest {

    private static final String ENDPOINT = "/admin/api/2026-07/graphql.json";
    private static final String TOKEN = "shpat_0123456789abcdef";
    private static final String SCOPES = """
            {"data": {"currentAppInstallation": {"accessScopes": [
              {"handle": "read_orders"}, {"handle": "write_fulfillments"}, {"handle": "write_inventory"}]}},
             "extensions": {"cost": {"requestedQueryCost": 2, "actualQueryCost": 2,
              "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1998, "restoreRate": 100.0}}}}
            """;
    // as Shopify answers a query the bucket cannot pay for (HTTP 200, no data)
    private static final String THROTTLED = """
            {"errors": [{"message": "Throttled",
              "extensions": {"code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
             "extensions": {"cost": {"requestedQueryCost": 752, "actualQueryCost": null,
              "throttleStatus": {"maximumAvailable": 1000.0, "currentlyAvailable": 666, "restoreRate": 50.0}}}}
            """;

    private static WireMockServer shopify;

    private FakeTime time;
    private ShopifyAdminClient client;

    @BeforeAll
    static void startShopify() {
        shopify = new WireMockServer(options().dynamicPort());
        shopify.start();
    }

    @AfterAll
    static void stopShopify() {
        shopify.stop();
    }

    @BeforeEach
    void newClient() {
        shopify.resetAll();
        time = new FakeTime(Instant.parse("2026-05-04T09:00:00Z"));
        client = ShopifyAdminClient.builder("harbor-and-pine.myshopify.com", TOKEN)
                .baseUrl(URI.create(shopify.baseUrl()))
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                .clock(time)
                .sleeper(time)
                .build();
    }

    @Test
    void theGrantedAccessScopesAreListedByHandle() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson(SCOPES)));

        assertThat(client.accessScopes()).containsExactly("read_orders", "write_fulfillments", "write_inventory");

        shopify.verify(1, postRequestedFor(urlEqualTo(ENDPOINT))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.query", containing("currentAppInstallation"))));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void ordersComeInPagesThatFollowTheCursor() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).atPriority(5).willReturn(okJson(ordersPage(
                List.of(ShopifyTestOrders.openOrderNode("1001", "#1001", "2026-05-04T09:10:00Z",
                        ShopifyTestOrders.lineItem("11", "HP-MUG-BLUE", "101", 2, 2), false)),
                "cursor-after-1001"))));
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("cursor-after-1001")))
                .willReturn(okJson(ordersPage(List.of(
                        ShopifyTestOrders.openOrderNode("1002", "#1002", "2026-05-04T09:20:00Z",
                                ShopifyTestOrders.lineItem("21", "HP-MUG-RED", "102", 1, 1), false)), null))));
        Instant since = Instant.parse("2026-05-01T00:00:00.750Z");

        OrderPage first = client.ordersUpdatedSince(since, null, 2);
        OrderPage second = client.ordersUpdatedSince(since, first.nextCursor(), 2);

        assertThat(first.canonicalOrders()).extracting(CanonicalOrder::orderName).containsExactly("#1001");
        assertThat(first.nextCursor()).isEqualTo("cursor-after-1001");
        assertThat(second.canonicalOrders()).extracting(CanonicalOrder::channelOrderId).containsExactly("1002");
        assertThat(second.hasNextPage()).isFalse();
        JsonNode firstVariables = variables(shopify.findAll(postRequestedFor(urlEqualTo(ENDPOINT))).get(0));
        assertThat(firstVariables.path("first").asInt()).isEqualTo(2);
        assertThat(firstVariables.path("query").asString()).isEqualTo("updated_at:>='2026-05-01T00:00:00Z'");
        assertThat(firstVariables.has("after")).isFalse();
    }

    @Test
    void anUnreadableOrderIsHandedBackForQuarantineWithoutStoppingThePage() {
        String broken = ShopifyTestOrders.openOrderNode("1003", "#1003", "2026-05-04T09:30:00Z",
                ShopifyTestOrders.lineItem("31", "HP-MUG-RED", "102", 1, 1), false)
                .replace("\"quantity\": 1", "\"quantity\": {\"amount\": 1}");
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson(ordersPage(List.of(
                ShopifyTestOrders.openOrderNode("1002", "#1002", "2026-05-04T09:20:00Z",
                        ShopifyTestOrders.lineItem("21", "HP-MUG-RED", "102", 1, 1), false),
                broken), null))));

        OrderPage page = client.ordersUpdatedSince(Instant.parse("2026-05-01T00:00:00Z"), null, 10);

        assertThat(page.canonicalOrders()).extracting(CanonicalOrder::channelOrderId).containsExactly("1002");
        assertThat(page.orders().get(1)).isInstanceOfSatisfying(PolledOrder.Rejected.class, rejected -> {
            assertThat(rejected.problem().reasonCode()).isEqualTo(PayloadProblem.WRONG_TYPE);
            assertThat(rejected.problem().path()).isEqualTo("$.lineItems.nodes[0].quantity");
            assertThat(rejected.rawJson()).contains("gid://shopify/Order/1003");
        });
    }

    @Test
    void anOrderWithMoreLineItemsThanOnePageIsCompletedBeforeItIsParsed() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.query", containing("query OrdersUpdatedSince")))
                .willReturn(okJson(ordersPage(List.of(ShopifyTestOrders.openOrderNode("2001", "#2001",
                        "2026-05-04T09:10:00Z", ShopifyTestOrders.lineItem("41", "SKU-1", "201", 1, 1), true)),
                        null))));
        shopify.stubFor(post(urlEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.query", containing("query OrderLineItems")))
                .willReturn(okJson("""
                        {"data": {"order": {"lineItems": {"nodes": [%s],
                          "pageInfo": {"hasNextPage": false, "endCursor": "lines-end"}}}}}
                        """.formatted(ShopifyTestOrders.lineItem("42", "SKU-2", "202", 3, 3)))));

        OrderPage page = client.ordersUpdatedSince(Instant.parse("2026-05-01T00:00:00Z"), null, 10);

        assertThat(page.canonicalOrders()).singleElement()
                .satisfies(order -> assertThat(order.lines()).extracting(line -> line.sku())
                        .containsExactly("SKU-1", "SKU-2"));
        shopify.verify(1, postRequestedFor(urlEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Order/2001")))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("lines-2001"))));
    }

    @Test
    void a429IsRetriedAfterTheWaitShopifyAsksFor() {
        answerInTurn(aResponse().withStatus(429).withHeader("Retry-After", "2.0"), okJson(SCOPES));

        assertThat(client.accessScopes()).contains("read_orders");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
        shopify.verify(2, postRequestedFor(urlEqualTo(ENDPOINT)));
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackoff() {
        answerInTurn(serverError(), aResponse().withStatus(502), okJson(SCOPES));

        assertThat(client.accessScopes()).contains("write_inventory");

        // 500 ms then 1 s, each ±50 %
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        shopify.verify(3, postRequestedFor(urlEqualTo(ENDPOINT)));
    }

    @Test
    void aThrottledQueryIsRetriedOnceTheBucketHoldsItsCost() {
        answerInTurn(okJson(THROTTLED), okJson(SCOPES));

        assertThat(client.accessScopes()).hasSize(3);

        // (752 - 666) points at 50 points a second
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1720));
        shopify.verify(2, postRequestedFor(urlEqualTo(ENDPOINT)));
    }

    @Test
    void aQueryWaitsBeforeSendingWhenTheLastAnswerLeftTooLittleInTheBucket() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson(scopesWithCost("""
                {"requestedQueryCost": 60, "actualQueryCost": 55,
                 "throttleStatus": {"maximumAvailable": 1000.0, "currentlyAvailable": 10, "restoreRate": 50.0}}
                """))));

        client.accessScopes();
        client.accessScopes();

        // 50 points short at 50 points a second
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        shopify.verify(2, postRequestedFor(urlEqualTo(ENDPOINT)));
    }

    @Test
    void aBucketWithRoomToSpareSendsTheNextQueryAtOnce() {
        // the published cost extensions: 999 of 1000 points left after a query costing 1
        JsonNode published = ShopifyJson.readObject(Fixtures.bytes("graphql-response-with-cost-extensions.json"));
        shopify.stubFor(post(urlEqualTo(ENDPOINT))
                .willReturn(okJson(scopesWithCost(published.path("extensions").path("cost").toString()))));

        client.accessScopes();
        client.accessScopes();

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aShopThatStaysDownMakesTheCallGiveUpAfterTheLastAttempt() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(client::accessScopes)
                .isInstanceOfSatisfying(ShopifyApiException.class,
                        failure -> assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageContaining("gave up after 5 attempts");
        shopify.verify(5, postRequestedFor(urlEqualTo(ENDPOINT)));
        assertThat(time.sleeps()).hasSize(4);
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitGivesUpInsteadOfBlocking() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(client::accessScopes)
                .isInstanceOfSatisfying(ShopifyApiException.class,
                        failure -> assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aRejectedTokenIsNotRetried() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(401).withBody(
                "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));

        assertThatThrownBy(client::accessScopes)
                .isInstanceOfSatisfying(ShopifyApiException.class,
                        failure -> assertThat(failure.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("HTTP 401");
        shopify.verify(1, postRequestedFor(urlEqualTo(ENDPOINT)));
    }

    @Test
    void graphQlErrorsBecomeAnApiExceptionWithShopifysMessages() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson("""
                {"errors": [{"message": "Access denied for currentAppInstallation field.",
                  "extensions": {"code": "ACCESS_DENIED"}, "path": ["currentAppInstallation"]}], "data": null}
                """)));

        assertThatThrownBy(client::accessScopes)
                .isInstanceOfSatisfying(ShopifyApiException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.GRAPHQL_ERRORS);
                    assertThat(failure.messages())
                            .containsExactly("Access denied for currentAppInstallation field. [ACCESS_DENIED]");
                });
    }

    @Test
    void aSplitShipmentIsOneFulfillmentPerParcelWithItsCarrierTrackingAndQuantities() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson("""
                {"data": {"fulfillmentCreate": {
                  "fulfillment": {"id": "gid://shopify/Fulfillment/1069019877", "status": "SUCCESS"},
                  "userErrors": []}}}
                """)));

        String id = client.createFulfillment(new FulfillmentRequest("1046000780",
                List.of(new FulfillmentRequest.Line("1072503277", 1)), "UPS",
                List.of("1Z1234512345123456", "1Z1234512345123457"), true));

        assertThat(id).isEqualTo("gid://shopify/Fulfillment/1069019877");
        JsonNode fulfillment = variables(shopify.findAll(postRequestedFor(urlEqualTo(ENDPOINT))).get(0))
                .path("fulfillment");
        assertThat(fulfillment.toString()).isEqualTo(ShopifyJson.readObject("""
                {"lineItemsByFulfillmentOrder": [{"fulfillmentOrderId": "gid://shopify/FulfillmentOrder/1046000780",
                   "fulfillmentOrderLineItems": [{"id": "gid://shopify/FulfillmentOrderLineItem/1072503277",
                                                  "quantity": 1}]}],
                 "trackingInfo": {"company": "UPS", "numbers": ["1Z1234512345123456", "1Z1234512345123457"]},
                 "notifyCustomer": true}
                """.getBytes()).toString());
    }

    @Test
    void aFulfillmentShopifyRefusesComesBackWithItsUserErrors() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson("""
                {"data": {"fulfillmentCreate": {"fulfillment": null, "userErrors": [
                  {"field": ["fulfillment", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderLineItems", "0",
                             "quantity"],
                   "message": "Invalid fulfillment order line item quantity requested."}]}}}
                """)));
        FulfillmentRequest tooMany = new FulfillmentRequest("gid://shopify/FulfillmentOrder/1046000780",
                List.of(new FulfillmentRequest.Line("1072503277", 5)), "USPS", List.of("9400100000000000000000"),
                false);

        assertThatThrownBy(() -> client.createFulfillment(tooMany))
                .isInstanceOfSatisfying(ShopifyApiException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.USER_ERRORS);
                    assertThat(failure.operation()).isEqualTo("FulfillmentCreate");
                    assertThat(failure.messages()).containsExactly("Invalid fulfillment order line item quantity "
                            + "requested. (field fulfillment.lineItemsByFulfillmentOrder.0.fulfillmentOrderLineItems"
                            + ".0.quantity)");
                });
    }

    @Test
    void aFulfillmentIsNotSentAgainAfterAnAnswerThatLeavesItsOutcomeOpen() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.createFulfillment(new FulfillmentRequest("1046000780",
                List.of(new FulfillmentRequest.Line("1072503277", 1)), null, List.of(), false)))
                .isInstanceOfSatisfying(ShopifyApiException.class,
                        failure -> assertThat(failure.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));
        shopify.verify(1, postRequestedFor(urlEqualTo(ENDPOINT)));
    }

    @Test
    void anInventoryUpdateCarriesItsIdempotencyKeyOnEveryAttempt() {
        answerInTurn(serverError(), okJson("""
                {"data": {"inventorySetQuantities": {
                  "inventoryAdjustmentGroup": {"id": "gid://shopify/InventoryAdjustmentGroup/1"}, "userErrors": []}}}
                """));
        String key = "0196a3c4-1f1e-7c59-b03a-c7bafe3f4dfc";

        client.setAvailableQuantity(new AvailableQuantityUpdate("808950810", "655441491", 42, null, key,
                "gid://crossdock/InventorySync/42"));

        List<LoggedRequest> attempts = shopify.findAll(postRequestedFor(urlEqualTo(ENDPOINT)));
        assertThat(attempts).hasSize(2);
        for (LoggedRequest attempt : attempts) {
            JsonNode request = ShopifyJson.readObject(attempt.getBody());
            assertThat(request.path("query").asString()).contains("@idempotent(key: $idempotencyKey)");
            assertThat(request.path("variables").path("idempotencyKey").asString()).isEqualTo(key);
            JsonNode quantity = request.path("variables").path("input").path("quantities").get(0);
            assertThat(quantity.path("inventoryItemId").asString()).isEqualTo("gid://shopify/InventoryItem/808950810");
            assertThat(quantity.path("quantity").asInt()).isEqualTo(42);
            // Shopify 2026-04+ refuses a quantity without changeFromQuantity; null opts out of the check
            assertThat(quantity.has("changeFromQuantity")).isTrue();
            assertThat(quantity.path("changeFromQuantity").isNull()).isTrue();
        }
    }

    @Test
    void aStaleInventoryUpdateComesBackWithShopifysErrorCode() {
        shopify.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson("""
                {"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": null, "userErrors": [
                  {"code": "CHANGE_FROM_QUANTITY_STALE", "field": ["input", "quantities", "0", "changeFromQuantity"],
                   "message": "The changeFromQuantity value does not match persisted value."}]}}}
                """)));

        assertThatThrownBy(() -> client.setAvailableQuantity(new AvailableQuantityUpdate(
                "gid://shopify/InventoryItem/808950810", "gid://shopify/Location/655441491", 42, 40, "key-1", null)))
                .isInstanceOfSatisfying(ShopifyApiException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.USER_ERRORS);
                    assertThat(failure.messages()).singleElement().asString()
                            .contains("CHANGE_FROM_QUANTITY_STALE");
                });
        JsonNode quantity = variables(shopify.findAll(postRequestedFor(urlEqualTo(ENDPOINT))).get(0))
                .path("input").path("quantities").get(0);
        assertThat(quantity.path("changeFromQuantity").asInt()).isEqualTo(40);
    }

    /** Each call gets the next response; the last one repeats. */
    private static void answerInTurn(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder stub = post(urlEqualTo(ENDPOINT)).inScenario("in turn")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(responses[i]);
            shopify.stubFor(i < responses.length - 1 ? stub.willSetStateTo("answer " + (i + 1)) : stub);
        }
    }

    private static String ordersPage(List<String> orderNodes, String endCursor) {
        return """
                {"data": {"orders": {"nodes": [%s], "pageInfo": {"hasNextPage": %s, "endCursor": %s}}},
                 "extensions": {"cost": {"requestedQueryCost": 112, "actualQueryCost": 14,
                  "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1986, "restoreRate": 100.0}}}}
                """.formatted(String.join(",", orderNodes), endCursor != null,
                endCursor == null ? "null" : "\"" + endCursor + "\"");
    }

    private static String scopesWithCost(String costJson) {
        ObjectNode response = (ObjectNode) ShopifyJson.readObject(SCOPES.getBytes());
        response.putObject("extensions").set("cost", ShopifyJson.readObject(costJson.getBytes()));
        return response.toString();
    }

    private static JsonNode variables(LoggedRequest request) {
        return ShopifyJson.readObject(request.getBody()).path("variables");
    }
}
