package com.crossdock.portal.channel.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.channel.shopify.ShopifyApiException.Kind;
import com.crossdock.portal.channel.PayloadProblem;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The client's lookups against WireMock standing in for a shop: fulfillment orders and their lines over every page,
 * existing fulfillments with tracking, inventory items by SKU in batches, and the primary location.
 */
class ShopifyAdminClientLookupTest {

    private static final String ENDPOINT = "/admin/api/2026-07/graphql.json";

    private static WireMockServer shopify;

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
        FakeTime time = new FakeTime(Instant.parse("2026-05-04T09:00:00Z"));
        client = ShopifyAdminClient.builder("harbor-and-pine.myshopify.com", "shpat_0123456789abcdef")
                .baseUrl(URI.create(shopify.baseUrl()))
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                .clock(time)
                .sleeper(time)
                .build();
    }

    // --- fulfillment orders -------------------------------------------------------------------------------------

    @Test
    void fulfillmentOrdersOfAnOrderAreReadOverEveryPageOfOrdersAndOfLines() {
        shopify.stubFor(operation("OrderFulfillmentOrders").atPriority(5).willReturn(okJson(fulfillmentOrdersPage(
                fulfillmentOrder("1046000780", "IN_PROGRESS", true,
                        line("1072503277", "466157049", "IPOD2008GREEN", 1)), "fo-cursor-1"))));
        shopify.stubFor(operation("OrderFulfillmentOrders").atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("fo-cursor-1")))
                .willReturn(okJson(fulfillmentOrdersPage(
                        fulfillmentOrder("1046000781", "CLOSED", false, line("1072503279", "703073504", null, 0)),
                        null))));
        shopify.stubFor(operation("FulfillmentOrderLineItems").willReturn(okJson("""
                {"data": {"fulfillmentOrder": {"lineItems": {"nodes": [%s],
                  "pageInfo": {"hasNextPage": false, "endCursor": "lines-end"}}}}}
                """.formatted(line("1072503278", "518995019", "IPOD2008RED", 2)))));

        List<FulfillmentOrderInfo> fulfillmentOrders = client.fulfillmentOrdersOf("450789469");

        assertThat(fulfillmentOrders).containsExactly(
                new FulfillmentOrderInfo("gid://shopify/FulfillmentOrder/1046000780", "IN_PROGRESS", List.of(
                        new FulfillmentOrderInfo.Line("gid://shopify/FulfillmentOrderLineItem/1072503277",
                                "gid://shopify/LineItem/466157049", "IPOD2008GREEN", 1),
                        new FulfillmentOrderInfo.Line("gid://shopify/FulfillmentOrderLineItem/1072503278",
                                "gid://shopify/LineItem/518995019", "IPOD2008RED", 2))),
                new FulfillmentOrderInfo("gid://shopify/FulfillmentOrder/1046000781", "CLOSED", List.of(
                        new FulfillmentOrderInfo.Line("gid://shopify/FulfillmentOrderLineItem/1072503279",
                                "gid://shopify/LineItem/703073504", "", 0))));
        assertThat(fulfillmentOrders).extracting(FulfillmentOrderInfo::acceptsFulfillments)
                .containsExactly(true, false);
        List<JsonNode> sent = requests();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).path("variables").path("id").asString()).isEqualTo("gid://shopify/Order/450789469");
        assertThat(sent.get(0).path("variables").has("after")).isFalse();
        assertThat(sent).filteredOn(request -> request.path("query").asString().contains("FulfillmentOrderLineItems("))
                .singleElement().satisfies(request -> {
                    assertThat(request.path("variables").path("id").asString())
                            .isEqualTo("gid://shopify/FulfillmentOrder/1046000780");
                    assertThat(request.path("variables").path("after").asString()).isEqualTo("lines-1046000780");
                });
    }

    @Test
    void theFulfillmentOrdersOfAnOrderTheShopDoesNotHaveAreNotFound() {
        shopify.stubFor(operation("OrderFulfillmentOrders").willReturn(okJson("{\"data\": {\"order\": null}}")));

        assertThatThrownBy(() -> client.fulfillmentOrdersOf("gid://shopify/Order/1"))
                .isInstanceOfSatisfying(ShopifyApiException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(failure.getMessage()).contains("gid://shopify/Order/1");
                });
    }

    @Test
    void aRemainingQuantityThatIsNotANumberIsRefusedAtItsPath() {
        String broken = fulfillmentOrder("1046000780", "OPEN", false, line("1072503277", "466157049", "SKU", 1))
                .replace("\"remainingQuantity\": 1", "\"remainingQuantity\": \"1\"");
        shopify.stubFor(operation("OrderFulfillmentOrders").willReturn(okJson(fulfillmentOrdersPage(broken, null))));

        assertThatThrownBy(() -> client.fulfillmentOrdersOf("450789469"))
                .isInstanceOfSatisfying(ShopifyPayloadException.class, problem -> {
                    assertThat(problem.reasonCode()).isEqualTo(PayloadProblem.WRONG_TYPE);
                    assertThat(problem.path()).isEqualTo(
                            "$.data.order.fulfillmentOrders.nodes[0].lineItems.nodes[0].remainingQuantity");
                });
    }

    @Test
    void aCursorThatComesBackUnchangedStopsPagingInsteadOfLoopingForever() {
        shopify.stubFor(operation("OrderFulfillmentOrders").willReturn(okJson(fulfillmentOrdersPage(
                fulfillmentOrder("1046000780", "OPEN", false, line("1072503277", "466157049", "SKU", 1)),
                "stuck"))));

        assertThatThrownBy(() -> client.fulfillmentOrdersOf("450789469"))
                .isInstanceOfSatisfying(ShopifyPayloadException.class,
                        problem -> assertThat(problem.reasonCode()).isEqualTo(PayloadProblem.INVALID_VALUE));
        shopify.verify(2, postRequestedFor(urlEqualTo(ENDPOINT)));
    }

    // --- fulfillments -------------------------------------------------------------------------------------------

    @Test
    void theFulfillmentsOfAnOrderComeWithTheirTrackingNumbers() {
        shopify.stubFor(operation("OrderFulfillments").willReturn(okJson("""
                {"data": {"order": {"fulfillments": [
                  {"id": "gid://shopify/Fulfillment/255858046", "status": "SUCCESS", "trackingInfo": [
                    {"number": "1Z2345", "company": "UPS"}, {"number": "1Z2346", "company": "UPS"}]},
                  {"id": "gid://shopify/Fulfillment/255858047", "status": "CANCELLED", "trackingInfo": [
                    {"number": "9400100000000000000000", "company": "USPS"}]},
                  {"id": "gid://shopify/Fulfillment/255858048", "status": "SUCCESS", "trackingInfo": [
                    {"number": null, "company": "Other"}]}]}}}
                """)));

        List<FulfillmentInfo> fulfillments = client.fulfillmentsOf("450789469");

        assertThat(fulfillments).containsExactly(
                new FulfillmentInfo("gid://shopify/Fulfillment/255858046", "SUCCESS", List.of("1Z2345", "1Z2346")),
                new FulfillmentInfo("gid://shopify/Fulfillment/255858047", "CANCELLED",
                        List.of("9400100000000000000000")),
                new FulfillmentInfo("gid://shopify/Fulfillment/255858048", "SUCCESS", List.of()));
        assertThat(fulfillments).filteredOn(fulfillment -> fulfillment.carries(List.of("1Z2346")))
                .extracting(FulfillmentInfo::id).containsExactly("gid://shopify/Fulfillment/255858046");
        assertThat(fulfillments).as("a cancelled fulfillment is no proof the shipment was recorded")
                .noneMatch(fulfillment -> fulfillment.carries(List.of("9400100000000000000000")));
        assertThat(fulfillments).noneMatch(fulfillment -> fulfillment.carries(List.of()));
        assertThat(requests().getFirst().path("variables").path("id").asString())
                .isEqualTo("gid://shopify/Order/450789469");
    }

    @Test
    void fulfillmentsWithoutTheirTrackingListAreRefusedAsMissingIt() {
        shopify.stubFor(operation("OrderFulfillments").willReturn(okJson("""
                {"data": {"order": {"fulfillments": [{"id": "gid://shopify/Fulfillment/1", "status": "SUCCESS"}]}}}
                """)));

        assertThatThrownBy(() -> client.fulfillmentsOf("1"))
                .isInstanceOfSatisfying(ShopifyPayloadException.class, problem -> {
                    assertThat(problem.reasonCode()).isEqualTo(PayloadProblem.MISSING_FIELD);
                    assertThat(problem.path()).isEqualTo("$.data.order.fulfillments[0].trackingInfo");
                });
    }

    // --- inventory items by SKU ---------------------------------------------------------------------------------

    @Test
    void skusAreLookedUpTwentyFiveASearchWithEveryPageReadAndOnlyExactMatchesCounted() {
        List<String> skus = new ArrayList<>(IntStream.rangeClosed(1, 28).mapToObj(n -> "SKU-" + n).toList());
        skus.add("O'BRIEN\\TEE");
        skus.add("SKU-1");
        // the first batch: SKU-1 on one variant, and a looser match (SKU-10 asked too, but SKU-100 is not)
        shopify.stubFor(operation("VariantsBySku").atPriority(5).willReturn(okJson(variantsPage(List.of(
                variant("1", "SKU-1", "101"), variant("2", "SKU-100", "102"), variant("3", "SKU-2", "103")),
                "variants-page-2"))));
        shopify.stubFor(operation("VariantsBySku").atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("variants-page-2")))
                .willReturn(okJson(variantsPage(List.of(variant("4", "SKU-2", "104"), variant("1", "SKU-1", "101")),
                        null))));
        shopify.stubFor(operation("VariantsBySku").atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.query", containing("SKU-26")))
                .willReturn(okJson(variantsPage(List.of(variant("5", "O'BRIEN\\TEE", "105"),
                        variant("6", "sku-27", "106")), null))));

        InventoryItems items = client.inventoryItemIdsBySku(skus);

        assertThat(items.found()).containsOnly(
                java.util.Map.entry("SKU-1", "gid://shopify/InventoryItem/101"),
                java.util.Map.entry("O'BRIEN\\TEE", "gid://shopify/InventoryItem/105"));
        assertThat(items.ambiguous()).as("two variants carry SKU-2").containsExactly("SKU-2");
        assertThat(items.notFound()).hasSize(26).contains("SKU-3", "SKU-10", "SKU-27").doesNotContain("SKU-100");
        List<JsonNode> sent = requests();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).path("variables").path("query").asString())
                .startsWith("sku:'SKU-1' OR sku:'SKU-2' OR sku:'SKU-3'").endsWith("sku:'SKU-25'");
        assertThat(sent.get(0).path("variables").path("first").asInt()).isEqualTo(50);
        assertThat(sent.get(1).path("variables").path("after").asString()).isEqualTo("variants-page-2");
        assertThat(sent.get(2).path("variables").path("query").asString())
                .isEqualTo("sku:'SKU-26' OR sku:'SKU-27' OR sku:'SKU-28' OR sku:'O\\'BRIEN\\\\TEE'");
    }

    @Test
    void aBlankSkuIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.inventoryItemIdsBySku(List.of("SKU-1", " ")))
                .isInstanceOf(IllegalArgumentException.class);
        shopify.verify(0, postRequestedFor(urlEqualTo(ENDPOINT)));
    }

    // --- locations ----------------------------------------------------------------------------------------------

    @Test
    void thePrimaryLocationIsTheFirstActiveOneThatFulfilsOnlineOrders() {
        shopify.stubFor(operation("Locations").willReturn(okJson("""
                {"data": {"locations": {"nodes": [
                  {"id": "gid://shopify/Location/1", "name": "Pop-up", "isActive": true,
                   "fulfillsOnlineOrders": false},
                  {"id": "gid://shopify/Location/2", "name": "Old warehouse", "isActive": false,
                   "fulfillsOnlineOrders": true},
                  {"id": "gid://shopify/Location/3", "name": "3PL warehouse", "isActive": true,
                   "fulfillsOnlineOrders": true},
                  {"id": "gid://shopify/Location/4", "name": "Store", "isActive": true,
                   "fulfillsOnlineOrders": true}]}}}
                """)));

        assertThat(client.primaryLocationId()).isEqualTo("gid://shopify/Location/3");
        assertThat(requests().getFirst().path("query").asString())
                .contains("locations(first: 10, query: \"active:true\")");
    }

    @Test
    void aShopWithoutALocationForOnlineOrdersHasNoPrimaryLocation() {
        shopify.stubFor(operation("Locations").willReturn(okJson("""
                {"data": {"locations": {"nodes": [{"id": "gid://shopify/Location/1", "name": "Pop-up",
                  "isActive": true, "fulfillsOnlineOrders": false}]}}}
                """)));

        assertThatThrownBy(client::primaryLocationId).isInstanceOfSatisfying(ShopifyApiException.class, failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(failure.getMessage()).contains("fulfils online orders");
        });
    }

    @Test
    void aLocationFlagThatIsNotABooleanIsRefusedAtItsPath() {
        shopify.stubFor(operation("Locations").willReturn(okJson("""
                {"data": {"locations": {"nodes": [{"id": "gid://shopify/Location/1", "isActive": "yes",
                  "fulfillsOnlineOrders": true}]}}}
                """)));

        assertThatThrownBy(client::primaryLocationId).isInstanceOfSatisfying(ShopifyPayloadException.class,
                problem -> {
                    assertThat(problem.reasonCode()).isEqualTo(PayloadProblem.WRONG_TYPE);
                    assertThat(problem.path()).isEqualTo("$.data.locations.nodes[0].isActive");
                });
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static MappingBuilder operation(String name) {
        return post(urlEqualTo(ENDPOINT)).withRequestBody(matchingJsonPath("$.query", containing("query " + name)));
    }

    private static List<JsonNode> requests() {
        return shopify.findAll(postRequestedFor(urlEqualTo(ENDPOINT))).stream()
                .map(LoggedRequest::getBody).map(ShopifyJson::readObject).toList();
    }

    private static String fulfillmentOrdersPage(String node, String endCursor) {
        return """
                {"data": {"order": {"fulfillmentOrders": {"nodes": [%s],
                  "pageInfo": {"hasNextPage": %s, "endCursor": %s}}}}}
                """.formatted(node, endCursor != null, endCursor == null ? "null" : "\"" + endCursor + "\"");
    }

    private static String fulfillmentOrder(String id, String status, boolean moreLines, String line) {
        return """
                {"id": "gid://shopify/FulfillmentOrder/%s", "status": "%s", "lineItems": {"nodes": [%s],
                  "pageInfo": {"hasNextPage": %s, "endCursor": "lines-%s"}}}
                """.formatted(id, status, line, moreLines, id);
    }

    private static String line(String id, String lineItemId, String sku, int remaining) {
        return """
                {"id": "gid://shopify/FulfillmentOrderLineItem/%s", "sku": %s, "remainingQuantity": %d,
                 "lineItem": {"id": "gid://shopify/LineItem/%s"}}
                """.formatted(id, sku == null ? "null" : "\"" + sku + "\"", remaining, lineItemId);
    }

    private static String variantsPage(List<String> nodes, String endCursor) {
        return """
                {"data": {"productVariants": {"nodes": [%s], "pageInfo": {"hasNextPage": %s, "endCursor": %s}}}}
                """.formatted(String.join(",", nodes), endCursor != null,
                endCursor == null ? "null" : "\"" + endCursor + "\"");
    }

    private static String variant(String id, String sku, String inventoryItemId) {
        return ShopifyJson.MAPPER.createObjectNode()
                .put("id", "gid://shopify/ProductVariant/" + id)
                .put("sku", sku)
                .set("inventoryItem", ShopifyJson.MAPPER.createObjectNode()
                        .put("id", "gid://shopify/InventoryItem/" + inventoryItemId))
                .toString();
    }
}
