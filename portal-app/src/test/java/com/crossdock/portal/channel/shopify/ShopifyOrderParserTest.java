package com.crossdock.portal.channel.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.Address;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.order.FinancialStatus;
import com.crossdock.portal.order.OrderLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ShopifyOrderParserTest {

    private static final String ORDERS_LIST = "rest-2026-07-orders-list-response.json";
    private static final String CANCELLED = "rest-2026-07-order-cancel-with-refund-response.json";

    private final ShopifyOrderParser parser = new ShopifyOrderParser();

    @TestFactory
    List<DynamicTest> everyOrderInEveryShopifyFixtureParses() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.shopify())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = ShopifyJson.MAPPER.readTree(Files.readAllBytes(file));
                List<JsonNode> orders = new ArrayList<>();
                root.path("orders").forEach(orders::add);
                if (root.path("order").isObject()) {
                    orders.add(root.path("order"));
                }
                for (JsonNode order : orders) {
                    tests.add(dynamicTest(file.getFileName() + " order " + order.path("id"), () -> {
                        CanonicalOrder parsed = parser.parseRestOrder(ShopifyJson.MAPPER.writeValueAsBytes(order));

                        assertThat(parsed.channelOrderId()).isEqualTo(order.path("id").asString());
                        assertThat(parsed.orderName()).isEqualTo(order.path("name").asString());
                        assertThat(parsed.lines()).extracting(OrderLine::sku)
                                .containsExactlyElementsOf(order.path("line_items").findValuesAsString("sku"));
                    }));
                }
            }
        }
        // the orders list and the cancelled order: finding none would mean the fixtures were not read
        assertThat(tests).hasSizeGreaterThanOrEqualTo(2);
        return tests;
    }

    @Test
    void theOrdersListFixtureGivesItsValuesInCanonicalForm() {
        JsonNode first = ShopifyJson.readObject(Fixtures.bytes(ORDERS_LIST)).path("orders").get(0);

        CanonicalOrder order = parser.parseRestOrder(ShopifyJson.MAPPER.writeValueAsBytes(first));

        assertThat(order.channelOrderId()).isEqualTo("450789469");
        assertThat(order.orderName()).isEqualTo("#1001");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2008-01-10T16:00:00Z"));
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.customerEmail()).isEqualTo("bob.norman@mail.example.com");
        assertThat(order.shipTo()).isEqualTo(new Address("Bob Norman", null, "Chestnut Street 92", null,
                "Louisville", "KY", "40202", "US", "+1(502)-459-2181"));
        assertThat(order.shippingMethodCode()).isEqualTo("Free Shipping");
        assertThat(order.financialStatus()).isEqualTo(FinancialStatus.PARTIALLY_REFUNDED);
        assertThat(order.isCancelled()).isFalse();
        assertThat(order.lines()).containsExactly(
                new OrderLine("466157049", "IPOD2008GREEN", "39072856", "IPod Nano - 8gb", 1, 0),
                new OrderLine("518995019", "IPOD2008RED", "49148385", "IPod Nano - 8gb", 1, 1),
                new OrderLine("703073504", "IPOD2008BLACK", "457924702", "IPod Nano - 8gb", 1, 0));
    }

    @Test
    void aCancelledOrderSaysWhenAndWhy() {
        // the response wraps the order: {"order": {...}, "notice": "Order has been canceled"}
        CanonicalOrder order = parser.parseRestOrder(Fixtures.bytes(CANCELLED));

        assertThat(order.isCancelled()).isTrue();
        assertThat(order.cancelledAt()).isEqualTo(Instant.parse("2025-04-02T16:31:11Z"));
        assertThat(order.cancelReason()).isEqualTo("other");
        assertThat(order.financialStatus()).isEqualTo(FinancialStatus.REFUNDED);
    }

    @Test
    void theGraphQlShapeOfAnOrderGivesTheSameCanonicalOrderAsItsRestShape() {
        CanonicalOrder fromRest = parser.parseRestOrder(Fixtures.bytes(CANCELLED));

        CanonicalOrder fromGraphQl = parser.parseGraphQlOrder(
                ShopifyTestOrders.cancelledOrderNode().getBytes(StandardCharsets.UTF_8));

        assertThat(fromGraphQl).isEqualTo(fromRest);
    }

    @Test
    void brokenJsonIsRefusedAsMalformed() {
        assertRefused("{\"id\": 450789469, \"line_items\": [".getBytes(StandardCharsets.UTF_8),
                PayloadProblem.MALFORMED_JSON, "$");
    }

    @Test
    void anEmptyBodyIsRefusedAsMalformed() {
        assertRefused(new byte[0], PayloadProblem.MALFORMED_JSON, "$");
    }

    @Test
    void aKeyGivenTwiceIsRefusedAsMalformed() {
        assertRefused("{\"id\": 1, \"id\": 2}".getBytes(StandardCharsets.UTF_8), PayloadProblem.MALFORMED_JSON, "$");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedAsTheWrongType() {
        assertRefused("[{\"id\": 1}]".getBytes(StandardCharsets.UTF_8), PayloadProblem.WRONG_TYPE, "$");
    }

    @Test
    void aQuantityGivenAsAnObjectIsRefusedAsTheWrongTypeAtItsPath() {
        byte[] body = changed(order -> ((ObjectNode) order.path("line_items").get(1))
                .putObject("quantity").put("amount", 1));

        assertRefused(body, PayloadProblem.WRONG_TYPE, "$.line_items[1].quantity");
    }

    @Test
    void aFractionalQuantityIsRefusedRatherThanRoundedDown() {
        byte[] body = changed(order -> ((ObjectNode) order.path("line_items").get(0)).put("quantity", 1.5));

        assertRefused(body, PayloadProblem.INVALID_VALUE, "$.line_items[0].quantity");
    }

    @Test
    void anOrderWithoutAnIdIsRefusedAsMissingTheField() {
        assertRefused(changed(order -> order.remove("id")), PayloadProblem.MISSING_FIELD, "$.id");
    }

    @Test
    void anOrderWithoutLineItemsIsRefusedAsMissingThem() {
        assertRefused(changed(order -> order.remove("line_items")), PayloadProblem.MISSING_FIELD, "$.line_items");
        assertRefused(changed(order -> order.putArray("line_items")), PayloadProblem.MISSING_FIELD, "$.line_items");
    }

    @Test
    void aLineWithANullQuantityIsRefusedAsMissingIt() {
        byte[] body = changed(order -> ((ObjectNode) order.path("line_items").get(2)).putNull("quantity"));

        assertRefused(body, PayloadProblem.MISSING_FIELD, "$.line_items[2].quantity");
    }

    @Test
    void aNegativeQuantityIsRefusedAsAnInvalidValue() {
        byte[] body = changed(order -> ((ObjectNode) order.path("line_items").get(0)).put("quantity", -1));

        assertRefused(body, PayloadProblem.INVALID_VALUE, "$.line_items[0]");
    }

    @Test
    void aTimestampThatIsNotOneIsRefusedAtItsPath() {
        byte[] body = changed(order -> order.put("created_at", "yesterday"));

        assertRefused(body, PayloadProblem.INVALID_VALUE, "$.created_at");
    }

    @Test
    void theMinimalWebhookTestBodyIsNotAFullOrder() {
        // the HMAC vector's body is {"id", "email", "total_price"} only (SOURCES.md)
        assertRefused(Fixtures.bytes("webhook-hmac/body.json"), PayloadProblem.MISSING_FIELD, "$.line_items");
    }

    @Test
    void aGraphQlOrderWithMoreLineItemsThanItHoldsIsRefusedAsIncomplete() {
        String truncated = ShopifyTestOrders.cancelledOrderNode()
                .replace("\"hasNextPage\": false", "\"hasNextPage\": true");

        assertRefused(() -> parser.parseGraphQlOrder(truncated.getBytes(StandardCharsets.UTF_8)),
                PayloadProblem.INCOMPLETE, "$.lineItems");
    }

    @Test
    void aGraphQlIdOfAnotherKindIsRefusedAsAnInvalidValue() {
        String productId = ShopifyTestOrders.cancelledOrderNode()
                .replace("gid://shopify/Order/450789469", "gid://shopify/Product/450789469");

        assertRefused(() -> parser.parseGraphQlOrder(productId.getBytes(StandardCharsets.UTF_8)),
                PayloadProblem.INVALID_VALUE, "$.id");
    }

    private static byte[] changed(Consumer<ObjectNode> change) {
        ObjectNode order = (ObjectNode) ShopifyJson.readObject(Fixtures.bytes(ORDERS_LIST)).path("orders").get(0);
        change.accept(order);
        return ShopifyJson.MAPPER.writeValueAsBytes(order);
    }

    private void assertRefused(byte[] body, PayloadProblem reason, String path) {
        assertRefused(() -> parser.parseRestOrder(body), reason, path);
    }

    private static void assertRefused(Runnable parse, PayloadProblem reason, String path) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(ShopifyPayloadException.class, problem -> {
                    assertThat(problem.reasonCode()).isEqualTo(reason);
                    assertThat(problem.path()).isEqualTo(path);
                    assertThat(problem.getMessage()).contains(path);
                });
    }
}
