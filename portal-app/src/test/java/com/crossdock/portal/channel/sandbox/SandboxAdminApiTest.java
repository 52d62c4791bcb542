package com.crossdock.portal.channel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.channel.sandbox.SandboxStore.Address;
import com.crossdock.portal.channel.sandbox.SandboxStore.CatalogProduct;
import com.crossdock.portal.channel.sandbox.SandboxStore.LineRequest;
import com.crossdock.portal.channel.sandbox.SandboxStore.Variant;
import com.crossdock.portal.channel.sandbox.SandboxStore.VariantKind;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's Admin API on a clock the test moves: the cost bucket drains and refills, an unaffordable query is
 * THROTTLED and an oversized one refused, cursors page without gaps or repeats, searches filter, idempotency keys
 * apply a change once, and injected faults come in order and change nothing.
 */
class SandboxAdminApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORDERS_WITH_LINES = """
            query OrdersWithLines($first: Int!) {
              orders(first: $first) { nodes { id lineItems(first: 25) { nodes { id variant { id } } } } }
            }""";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private SandboxStore store;
    private SandboxAdminApi api;

    @BeforeEach
    void aShopWithTwoVariants() {
        AtomicLong ids = new AtomicLong(1_000);
        store = new SandboxStore(new TenantId(UUID.randomUUID()), UUID.randomUUID(), "test-shop.myshopify.com",
                clock, ids::incrementAndGet, new CostBucket(1000, 50, clock));
        store.addProducts(List.of(new CatalogProduct("TEE", "Tee", List.of("TEE-S", "TEE-M"), null, false)));
        api = new SandboxAdminApi(store);
    }

    @Test
    void aQueryIsChargedItsRequestedCostAndGivenBackTheDifferenceToItsActualCost() {
        createOrders(2, 1);

        JsonNode cost = post(ORDERS_WITH_LINES, "{\"first\": 10}").path("extensions").path("cost");

        // 2 for the connection + 10 × (1 order + 2 + 25 × (1 line + 1 variant))
        assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(532);
        // 2 + 2 orders × (1 + 2 + 1 line × 2)
        assertThat(cost.path("actualQueryCost").asInt()).isEqualTo(12);
        assertThat(cost.path("throttleStatus").path("currentlyAvailable").asInt()).isEqualTo(988);
        assertThat(cost.path("throttleStatus").path("maximumAvailable").asDouble()).isEqualTo(1000.0);
        assertThat(cost.path("throttleStatus").path("restoreRate").asDouble()).isEqualTo(50.0);
    }

    @Test
    void aQueryTheBucketCannotAffordIsThrottledUntilTheBucketHasRefilled() {
        createOrders(1, 25);
        JsonNode drained = post(ORDERS_WITH_LINES, "{\"first\": 18}");
        assertThat(drained.path("extensions").path("cost").path("actualQueryCost").asInt()).isEqualTo(2 + 3 + 50);

        JsonNode throttled = post(ORDERS_WITH_LINES, "{\"first\": 18}");
        assertThat(throttled.path("errors").get(0).path("extensions").path("code").asString()).isEqualTo("THROTTLED");
        assertThat(throttled.has("data")).isFalse();
        assertThat(throttled.path("extensions").path("cost").path("actualQueryCost").isNull()).isTrue();
        assertThat(throttled.path("extensions").path("cost").path("throttleStatus").path("currentlyAvailable")
                .asInt()).as("a throttled query takes nothing").isEqualTo(945);

        clock.advance(Duration.ofMillis(240)); // 945 + 12 ≥ 956 = 2 + 18 × 53
        assertThat(post(ORDERS_WITH_LINES, "{\"first\": 18}").has("data")).isTrue();
    }

    @Test
    void aQueryCostingMoreThanTheWholeBucketIsRefusedOutright() {
        JsonNode refused = post(ORDERS_WITH_LINES, "{\"first\": 20}");

        assertThat(refused.path("errors").get(0).path("extensions").path("code").asString())
                .isEqualTo("MAX_COST_EXCEEDED");
        assertThat(refused.path("errors").get(0).path("message").asString()).contains("1062");
        assertThat(store.bucket().status().currentlyAvailable()).isEqualTo(1000);
    }

    @Test
    void cursorsPageThroughOrdersSortedByUpdateWithoutGapsOrRepeatsAndTheSearchFilters() {
        List<SandboxStore.Order> orders = createOrders(5, 1);
        String query = """
                query Page($after: String, $query: String!) {
                  orders(first: 2, after: $after, query: $query, sortKey: UPDATED_AT) {
                    edges { cursor node { id updatedAt } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""";
        String since = orders.get(1).updatedAt.toString();
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ObjectNode variables = JSON.createObjectNode().put("query", "updated_at:>='" + since + "'");
            variables.put("after", after);
            JsonNode connection = post(query, variables.toString()).path("data").path("orders");
            connection.path("edges").forEach(edge -> seen.add(edge.path("node").path("id").asString()));
            after = connection.path("pageInfo").path("hasNextPage").asBoolean() ? connection.path("pageInfo")
                    .path("endCursor").asString() : null;
            pages++;
        } while (after != null);

        assertThat(seen).containsExactly(orders.subList(1, 5).stream()
                .map(order -> SandboxAdminApi.gid("Order", order.id)).toArray(String[]::new));
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void theResponseHoldsExactlyTheSelectedFieldsUnderTheirAliasesAndAnUnknownFieldIsAnError() {
        createOrders(1, 1);

        JsonNode answer = post("{ orders(first: 1) { nodes { ref: name ... on Order { __typename } } } }", "{}");
        JsonNode unknown = post("{ orders(first: 1) { nodes { name favouriteColour } } }", "{}");

        assertThat(answer.path("data").path("orders").path("nodes").get(0).toString())
                .isEqualTo("{\"ref\":\"#1001\",\"__typename\":\"Order\"}");
        assertThat(unknown.path("errors").get(0).path("message").asString())
                .isEqualTo("Field 'favouriteColour' doesn't exist on type 'Order'");
        assertThat(unknown.has("data")).isFalse();
    }

    @Test
    void theSameIdempotencyKeyAppliesAChangeOnceAndRefusesOtherParameters() {
        Variant tee = store.variants(VariantKind.CATALOG).getFirst();
        String set = """
                mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
                  inventorySetQuantities(input: $input) @idempotent(key: $key) {
                    inventoryAdjustmentGroup { id changes { name delta } }
                    userErrors { code field message }
                  }
                }""";

        JsonNode first = post(set, setVariables(tee, 42, 100, "key-1"));
        post(set, setVariables(tee, 40, 42, "key-2"));
        JsonNode repeat = post(set, setVariables(tee, 42, 100, "key-1"));
        JsonNode mismatch = post(set, setVariables(tee, 7, 40, "key-1"));
        JsonNode stale = post(set, setVariables(tee, 7, 39, "key-3"));

        assertThat(repeat.path("data")).as("answered as the first time").isEqualTo(first.path("data"));
        assertThat(tee.available()).as("key-1 applied once, so key-2's 40 stays").isEqualTo(40);
        assertThat(store.adjustmentGroups()).isEqualTo(2);
        assertThat(userErrorCode(mismatch)).isEqualTo("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
        assertThat(userErrorCode(stale)).isEqualTo("CHANGE_FROM_QUANTITY_STALE");
        assertThat(first.path("data").path("inventorySetQuantities").path("inventoryAdjustmentGroup").path("changes")
                .get(0).path("delta").asInt()).isEqualTo(-58);
    }

    @Test
    void injectedFaultsComeInOrderAndChangeNothing() {
        store.plan(FaultPlan.none().withRateLimited(1, Duration.ofMillis(1500)).withServerErrors(1).withThrottled(1));
        byte[] scopes = request("{ currentAppInstallation { accessScopes { handle } } }", "{}");

        SandboxAdminApi.Answer rateLimited = api.answer(scopes);
        SandboxAdminApi.Answer serverError = api.answer(scopes);
        SandboxAdminApi.Answer throttled = api.answer(scopes);
        SandboxAdminApi.Answer answered = api.answer(scopes);

        assertThat(rateLimited.status()).isEqualTo(429);
        assertThat(rateLimited.retryAfter()).isEqualTo("1.5");
        assertThat(serverError.status()).isEqualTo(500);
        assertThat(throttled.body().path("errors").get(0).path("extensions").path("code").asString())
                .isEqualTo("THROTTLED");
        assertThat(answered.body().path("data").path("currentAppInstallation").path("accessScopes").size())
                .isEqualTo(SandboxAdminApi.ACCESS_SCOPES.size());
        assertThat(store.faultyAnswers()).isEqualTo(3);
        assertThat(store.faults().pending()).isFalse();
    }

    @Test
    void aRequestWithoutAQueryIsABadRequestAndBrokenGraphQlSaysWhere() {
        SandboxAdminApi.Answer noQuery = api.answer("{\"variables\": {}}".getBytes(StandardCharsets.UTF_8));
        JsonNode broken = post("{ orders(first: 1) { nodes { id }", "{}");

        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(broken.path("errors").get(0).path("message").asString())
                .startsWith("syntax error").contains("line 1");
    }

    @Test
    void productVariantsAreFoundBySkuTermsJoinedByOrInAnyCaseAndPagedByCursor() {
        store.addProducts(List.of(new CatalogProduct("MUG", "Mug", List.of("O'MUG"), null, false)));
        String query = """
                query VariantsBySku($first: Int!, $after: String, $query: String!) {
                  productVariants(first: $first, after: $after, query: $query) {
                    nodes { sku inventoryItem { id } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""";
        String search = "sku:'TEE-S' OR sku:\\\"tee-m\\\" OR sku:'O\\\\'MUG' OR sku:NONE";

        JsonNode first = post(query, "{\"first\": 2, \"query\": \"" + search + "\"}");
        JsonNode variants = first.path("data").path("productVariants");
        assertThat(variants.path("nodes").findValuesAsString("sku")).containsExactly("TEE-S", "TEE-M");
        assertThat(variants.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        // 2 for the connection + 2 × (1 variant + 1 inventory item)
        assertThat(first.path("extensions").path("cost").path("requestedQueryCost").asInt()).isEqualTo(6);
        JsonNode second = post(query, "{\"first\": 2, \"query\": \"" + search + "\", \"after\": \""
                + variants.path("pageInfo").path("endCursor").asString() + "\"}");
        assertThat(second.path("data").path("productVariants").path("nodes").findValuesAsString("sku"))
                .containsExactly("O'MUG");

        JsonNode unknown = post(query, "{\"first\": 2, \"query\": \"title:Tee\"}");
        assertThat(unknown.path("errors").get(0).path("extensions").path("code").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void theShopHasAPopUpLocationWithoutOnlineOrdersBeforeItsWarehouse() {
        JsonNode locations = post("""
                { locations(first: 10, query: "active:true") { nodes { id name isActive fulfillsOnlineOrders } } }""",
                "{}").path("data").path("locations").path("nodes");

        assertThat(locations).hasSize(2);
        assertThat(locations.get(0).path("fulfillsOnlineOrders").asBoolean()).isFalse();
        assertThat(locations.get(1).path("id").asString()).isEqualTo("gid://shopify/Location/1001");
        assertThat(locations.get(1).path("fulfillsOnlineOrders").asBoolean()).isTrue();
        assertThat(locations).allMatch(location -> location.path("isActive").asBoolean());
    }

    @Test
    void anOrdersFulfillmentsAreAListWithTrackingChargedPerObject() {
        SandboxStore.Order order = createOrders(1, 2).getFirst();
        store.fulfill(order.fulfillmentOrderId, java.util.Map.of(order.lines.getFirst().fulfillmentOrderLineId, 1),
                "UPS", List.of("1Z1", "1Z2"), null);
        store.fulfill(order.fulfillmentOrderId, java.util.Map.of(), "USPS", List.of("9400"), null);

        JsonNode answer = post("""
                query OrderFulfillments($id: ID!) {
                  order(id: $id) { fulfillments(first: 50) { id status trackingInfo { number company } } }
                }""", "{\"id\": \"" + SandboxAdminApi.gid("Order", order.id) + "\"}");

        JsonNode fulfillments = answer.path("data").path("order").path("fulfillments");
        assertThat(fulfillments).hasSize(2);
        assertThat(fulfillments.get(0).path("trackingInfo").findValuesAsString("number")).containsExactly("1Z1", "1Z2");
        assertThat(fulfillments.get(1).path("trackingInfo").findValuesAsString("company")).containsExactly("USPS");
        assertThat(fulfillments).allMatch(fulfillment -> fulfillment.path("status").asString().equals("SUCCESS"));
        // 1 for the order + 50 × (1 fulfillment + 1 for its tracking list)
        assertThat(answer.path("extensions").path("cost").path("requestedQueryCost").asInt()).isEqualTo(101);
    }

    @Test
    void aRefundOfReturnedUnitsRestocksOnlyTheReturnLinesOnceAndRefusesMoreThanShipped() {
        SandboxStore.Order order = createOrders(1, 1).getFirst();
        SandboxStore.Line line = order.lines.getFirst();
        store.fulfill(order.fulfillmentOrderId, java.util.Map.of(line.fulfillmentOrderLineId, 1), "UPS",
                List.of("1Z1"), null);
        int availableBefore = line.variant.available();
        String refund = """
                mutation RefundCreate($input: RefundInput!, $key: String!) {
                  refundCreate(input: $input) @idempotent(key: $key) { refund { id } userErrors { field message } }
                }""";
        String restockOne = "{\"key\": \"rma-1\", \"input\": {\"orderId\": \"" + SandboxAdminApi.gid("Order", order.id)
                + "\", \"note\": \"RMA-000001\", \"refundLineItems\": [{\"lineItemId\": \""
                + SandboxAdminApi.gid("LineItem", line.id) + "\", \"quantity\": 1, \"restockType\": \"RETURN\"}]}}";

        JsonNode first = post(refund, restockOne).path("data").path("refundCreate");
        JsonNode again = post(refund, restockOne).path("data").path("refundCreate");

        assertThat(first.path("userErrors")).isEmpty();
        assertThat(again.path("refund").path("id").asString()).as("the same key, the same refund")
                .isEqualTo(first.path("refund").path("id").asString());
        assertThat(store.refunds()).singleElement().satisfies(made -> {
            assertThat(made.units()).isEqualTo(1);
            assertThat(made.restockedUnits()).isEqualTo(1);
            assertThat(made.note()).isEqualTo("RMA-000001");
        });
        assertThat(line.variant.available()).isEqualTo(availableBefore + 1);
        JsonNode tooMany = post(refund, restockOne.replace("rma-1", "rma-2")).path("data").path("refundCreate");
        assertThat(tooMany.path("userErrors").get(0).path("message").asString()).contains("shipped units left");
        assertThat(store.refunds()).hasSize(1);
    }

    private List<SandboxStore.Order> createOrders(int count, int linesEach) {
        List<SandboxStore.Order> orders = new ArrayList<>();
        Variant tee = store.variants(VariantKind.CATALOG).getFirst();
        for (int i = 0; i < count; i++) {
            List<LineRequest> lines = new ArrayList<>();
            for (int line = 0; line < linesEach; line++) {
                lines.add(new LineRequest(tee, 1));
            }
            orders.add(store.createOrder(lines, new Address("Maya", "Chen", "88 Commercial Street", null, "Portland",
                    "Maine", "ME", "04101", "United States", "US", null), "maya@example.com",
                    clock.instant().minusSeconds(60L - i)));
        }
        return orders;
    }

    private static String setVariables(Variant variant, int quantity, int changeFrom, String key) {
        ObjectNode variables = JSON.createObjectNode().put("key", key);
        ObjectNode input = variables.putObject("input").put("name", "available").put("reason", "correction");
        input.putArray("quantities").addObject()
                .put("inventoryItemId", SandboxAdminApi.gid("InventoryItem", variant.inventoryItemId()))
                .put("locationId", "gid://shopify/Location/1001")
                .put("quantity", quantity)
                .put("changeFromQuantity", changeFrom);
        return variables.toString();
    }

    private static String userErrorCode(JsonNode answer) {
        return answer.path("data").path("inventorySetQuantities").path("userErrors").get(0).path("code").asString();
    }

    private JsonNode post(String query, String variables) {
        SandboxAdminApi.Answer answer = api.answer(request(query, variables));
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static byte[] request(String query, String variables) {
        ObjectNode request = JSON.createObjectNode().put("query", query);
        request.set("variables", JSON.readTree(variables));
        return JSON.writeValueAsBytes(request);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
