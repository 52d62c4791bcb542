package com.crossdock.portal.channel.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.ChannelRefund;
import com.crossdock.portal.order.ChannelReturn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ShopifyRefundParserTest {

    private static final String REFUNDS_LIST = "rest-2026-07-refunds-list-response.json";
    private static final Instant RECEIVED = Instant.parse("2026-05-04T09:00:00Z");
    // the shape of Shopify's returns/request example, ids and reasons as a real shop sends them
    private static final String RETURN_REQUEST = """
            {"id": 945000954, "admin_graphql_api_id": "gid://shopify/Return/945000954", "status": "requested",
             "name": "#1001-R1",
             "order": {"id": 450789469, "admin_graphql_api_id": "gid://shopify/Order/450789469"},
             "total_return_line_items": 2,
             "return_line_items": [
               {"id": 677614678, "admin_graphql_api_id": "gid://shopify/ReturnLineItem/677614678",
                "fulfillment_line_item": {"id": 541002,
                  "admin_graphql_api_id": "gid://shopify/FulfillmentLineItem/541002",
                  "line_item": {"id": 466157049, "admin_graphql_api_id": "gid://shopify/LineItem/466157049",
                                "sku": "IPOD2008GREEN"}},
                "quantity": 1, "return_reason": "size_too_small", "return_reason_note": "", "customer_note": null},
               {"id": 677614679, "admin_graphql_api_id": "gid://shopify/ReturnLineItem/677614679",
                "fulfillment_line_item": {"id": 541003,
                  "admin_graphql_api_id": "gid://shopify/FulfillmentLineItem/541003",
                  "line_item": {"admin_graphql_api_id": "gid://shopify/LineItem/518995019"}},
                "quantity": 2, "return_reason": null}],
             "return_shipping_fees": [], "exchange_line_items": []}
            """;

    private final ShopifyRefundParser parser = new ShopifyRefundParser();

    // --- refunds/create -----------------------------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> everyRefundOfTheRefundsFixtureParses() {
        JsonNode refunds = ShopifyJson.readObject(Fixtures.bytes(REFUNDS_LIST)).path("refunds");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode refund : refunds) {
            tests.add(dynamicTest("refund " + refund.path("id"), () -> {
                ChannelRefund parsed = parser.parseRefund(ShopifyJson.MAPPER.writeValueAsBytes(refund));

                assertThat(parsed.channelRefundId()).isEqualTo(refund.path("id").asString());
                assertThat(parsed.channelOrderId()).isEqualTo(refund.path("order_id").asString());
                assertThat(parsed.lines()).extracting(ChannelRefund.Line::channelLineId)
                        .containsExactlyElementsOf(refund.path("refund_line_items").findValuesAsString("line_item_id"));
                assertThat(parsed.lines()).extracting(ChannelRefund.Line::quantity).allMatch(units -> units > 0);
            }));
        }
        assertThat(tests).as("the fixture was read").isNotEmpty();
        return tests;
    }

    @Test
    void theFixtureRefundGivesItsValuesInCanonicalForm() {
        ChannelRefund refund = parser.parseRefund(firstRefund(any -> { }));

        assertThat(refund).isEqualTo(new ChannelRefund("509562969", "450789469",
                Instant.parse("2025-04-02T16:38:15Z"), List.of(
                        new ChannelRefund.Line("703073504", "IPOD2008BLACK", 1, true),
                        new ChannelRefund.Line("466157049", "IPOD2008GREEN", 1, true)),
                new BigDecimal("209.00"), "USD", "it broke during shipping"));
        assertThat(refund.restocks()).isTrue();
    }

    @Test
    void aRefundWrappedAsTheRestApiAnswersItParsesToo() {
        ObjectNode wrapped = ShopifyJson.MAPPER.createObjectNode();
        wrapped.set("refund", ShopifyJson.readObject(firstRefund(any -> { })));

        assertThat(parser.parseRefund(ShopifyJson.MAPPER.writeValueAsBytes(wrapped)).channelRefundId())
                .isEqualTo("509562969");
    }

    @Test
    void unitsGoBackToStockForCancelAndReturnButNotForNoRestock() {
        ChannelRefund refund = parser.parseRefund(firstRefund(json -> {
            line(json, 0).put("restock_type", "no_restock");
            line(json, 1).put("restock_type", "return");
        }));
        assertThat(refund.lines()).extracting(ChannelRefund.Line::restock).containsExactly(false, true);

        ChannelRefund cancelled = parser.parseRefund(firstRefund(json -> {
            line(json, 0).put("restock_type", "no_restock");
            line(json, 1).put("restock_type", "cancel");
        }));
        assertThat(cancelled.lines()).extracting(ChannelRefund.Line::restock).containsExactly(false, true);

        ChannelRefund moneyOnly = parser.parseRefund(firstRefund(json -> {
            line(json, 0).put("restock_type", "no_restock");
            line(json, 1).put("restock_type", "no_restock");
        }));
        assertThat(moneyOnly.restocks()).isFalse();
    }

    @Test
    void anUnknownRestockTypeIsRefusedRatherThanGuessed() {
        assertRefused(firstRefund(json -> line(json, 1).put("restock_type", "maybe")), PayloadProblem.INVALID_VALUE,
                "$.refund_line_items[1].restock_type");
    }

    @Test
    void withoutARestockTypeTheRefundsOwnRestockFlagDecides() {
        ChannelRefund refund = parser.parseRefund(firstRefund(json -> {
            line(json, 0).remove("restock_type");
            json.put("restock", false);
        }));
        assertThat(refund.lines()).extracting(ChannelRefund.Line::restock).containsExactly(false, true);

        assertRefused(firstRefund(json -> {
            line(json, 0).remove("restock_type");
            json.remove("restock");
        }), PayloadProblem.MISSING_FIELD, "$.refund_line_items[0].restock_type");
    }

    @Test
    void theAmountAddsUpOnlySuccessfulRefundTransactions() {
        ChannelRefund refund = parser.parseRefund(firstRefund(json -> {
            ArrayNode transactions = (ArrayNode) json.path("transactions");
            transactions.addObject().put("kind", "refund").put("status", "success").put("amount", "10.50")
                    .put("currency", "USD");
            transactions.addObject().put("kind", "refund").put("status", "failure").put("amount", "99.00")
                    .put("currency", "USD");
            transactions.addObject().put("kind", "sale").put("status", "success").put("amount", "5.00")
                    .put("currency", "USD");
        }));

        assertThat(refund.amount()).isEqualByComparingTo("219.50");
        assertThat(refund.currency()).isEqualTo("USD");
    }

    @Test
    void aRefundWithoutASuccessfulTransactionHasNoAmount() {
        ChannelRefund pending = parser.parseRefund(firstRefund(json ->
                ((ObjectNode) json.path("transactions").get(0)).put("status", "pending")));
        ChannelRefund unitsOnly = parser.parseRefund(firstRefund(json -> json.remove("transactions")));

        assertThat(pending.amount()).isNull();
        assertThat(pending.currency()).isNull();
        assertThat(unitsOnly.amount()).isNull();
    }

    @Test
    void refundTransactionsInTwoCurrenciesAreRefused() {
        assertRefused(firstRefund(json -> ((ArrayNode) json.path("transactions")).addObject().put("kind", "refund")
                .put("status", "success").put("amount", "1.00").put("currency", "EUR")),
                PayloadProblem.INVALID_VALUE, "$.transactions[1].currency");
    }

    @Test
    void anAmountThatIsNotANumberIsRefusedAtItsPath() {
        assertRefused(firstRefund(json -> ((ObjectNode) json.path("transactions").get(0)).put("amount", "lots")),
                PayloadProblem.INVALID_VALUE, "$.transactions[0].amount");
    }

    @Test
    void aSuccessfulRefundTransactionWithoutAnAmountIsRefused() {
        assertRefused(firstRefund(json -> ((ObjectNode) json.path("transactions").get(0)).remove("amount")),
                PayloadProblem.MISSING_FIELD, "$.transactions[0].amount");
    }

    @Test
    void brokenOrNonObjectRefundBodiesAreRefused() {
        assertRefused("{\"id\": 1, \"refund_line_items\": [".getBytes(StandardCharsets.UTF_8),
                PayloadProblem.MALFORMED_JSON, "$");
        assertRefused("[]".getBytes(StandardCharsets.UTF_8), PayloadProblem.WRONG_TYPE, "$");
        assertRefused("{\"id\": 1, \"id\": 2}".getBytes(StandardCharsets.UTF_8), PayloadProblem.MALFORMED_JSON, "$");
    }

    @Test
    void aRefundQuantityOfTheWrongTypeIsRefusedAtItsPath() {
        assertRefused(firstRefund(json -> line(json, 1).putObject("quantity").put("value", 1)), PayloadProblem.WRONG_TYPE,
                "$.refund_line_items[1].quantity");
        assertRefused(firstRefund(json -> line(json, 0).put("quantity", 1.5)), PayloadProblem.INVALID_VALUE,
                "$.refund_line_items[0].quantity");
        assertRefused(firstRefund(json -> line(json, 0).put("quantity", 0)), PayloadProblem.INVALID_VALUE,
                "$.refund_line_items[0].quantity");
    }

    @Test
    void aRefundWithoutItsIdsOrTimeIsRefusedAsMissingThem() {
        assertRefused(firstRefund(json -> json.remove("order_id")), PayloadProblem.MISSING_FIELD, "$.order_id");
        assertRefused(firstRefund(json -> json.putNull("id")), PayloadProblem.MISSING_FIELD, "$.id");
        assertRefused(firstRefund(json -> json.remove("created_at")), PayloadProblem.MISSING_FIELD, "$.created_at");
        assertRefused(firstRefund(json -> json.remove("refund_line_items")), PayloadProblem.MISSING_FIELD,
                "$.refund_line_items");
        assertRefused(firstRefund(json -> {
            line(json, 0).remove("line_item_id");
            line(json, 0).remove("line_item");
        }), PayloadProblem.MISSING_FIELD, "$.refund_line_items[0].line_item_id");
    }

    @Test
    void aRefundLineNamedOnlyThroughItsLineItemIsRead() {
        ChannelRefund refund = parser.parseRefund(firstRefund(json -> line(json, 0).remove("line_item_id")));

        assertThat(refund.lines().getFirst().channelLineId()).isEqualTo("703073504");
    }

    // --- returns/request ----------------------------------------------------------------------------------------

    @Test
    void aReturnRequestGivesTheUnitsToExpectBackWithTheBuyersReasons() {
        ChannelReturn requested = parser.parseReturn(RETURN_REQUEST.getBytes(StandardCharsets.UTF_8), RECEIVED);

        assertThat(requested).isEqualTo(new ChannelReturn("945000954", "450789469", "REQUESTED", RECEIVED, List.of(
                new ChannelReturn.Line("466157049", "IPOD2008GREEN", 1, "SIZE_TOO_SMALL"),
                new ChannelReturn.Line("518995019", "", 2, "UNKNOWN"))));
    }

    @Test
    void aReturnSaysWhenItChangedWhenThePayloadCarriesIt() {
        ChannelReturn approved = parser.parseReturn(returnRequest(json -> json.put("status", "open")
                .put("updated_at", "2026-05-04T10:15:00-04:00")), RECEIVED);

        assertThat(approved.status()).isEqualTo("OPEN");
        assertThat(approved.updatedAt()).isEqualTo(Instant.parse("2026-05-04T14:15:00Z"));
    }

    @Test
    void idsGivenOnlyAsGidsAreRead() {
        ChannelReturn requested = parser.parseReturn(returnRequest(json -> {
            json.remove("id");
            ((ObjectNode) json.path("order")).remove("id");
        }), RECEIVED);

        assertThat(requested.channelReturnId()).isEqualTo("945000954");
        assertThat(requested.channelOrderId()).isEqualTo("450789469");
    }

    @Test
    void anUnverifiedReturnLineIsReadFromItsOwnLineItem() {
        ChannelReturn requested = parser.parseReturn(returnRequest(json -> {
            ObjectNode line = (ObjectNode) json.path("return_line_items").get(1);
            line.remove("fulfillment_line_item");
            line.putObject("line_item").put("id", 518995019L).put("sku", "IPOD2008RED");
        }), RECEIVED);

        assertThat(requested.lines().get(1)).isEqualTo(new ChannelReturn.Line("518995019", "IPOD2008RED", 2,
                "UNKNOWN"));
    }

    @Test
    void aReturnLineWithoutAnyLineItemIsRefusedAsMissingIt() {
        assertRefusedReturn(returnRequest(json -> ((ObjectNode) json.path("return_line_items").get(0))
                .remove("fulfillment_line_item")), PayloadProblem.MISSING_FIELD,
                "$.return_line_items[0].fulfillment_line_item");
    }

    @Test
    void aReturnOfTheWrongShapeIsRefusedAtItsPath() {
        assertRefusedReturn(returnRequest(json -> json.remove("order")), PayloadProblem.MISSING_FIELD, "$.order");
        assertRefusedReturn(returnRequest(json -> json.remove("status")), PayloadProblem.MISSING_FIELD, "$.status");
        assertRefusedReturn(returnRequest(json -> json.put("order", "450789469")), PayloadProblem.WRONG_TYPE, "$.order");
        assertRefusedReturn(returnRequest(json -> ((ObjectNode) json.path("return_line_items").get(1))
                .putArray("quantity")), PayloadProblem.WRONG_TYPE, "$.return_line_items[1].quantity");
        assertRefusedReturn(returnRequest(json -> {
            ObjectNode order = (ObjectNode) json.path("order");
            order.remove("id");
            order.put("admin_graphql_api_id", "gid://shopify/Product/1");
        }), PayloadProblem.INVALID_VALUE, "$.order.admin_graphql_api_id");
        assertRefusedReturn(returnRequest(json -> ((ObjectNode) json.path("return_line_items").get(0))
                .put("quantity", -1)), PayloadProblem.INVALID_VALUE, "$.return_line_items[0].quantity");
        assertRefusedReturn("not json".getBytes(StandardCharsets.UTF_8), PayloadProblem.MALFORMED_JSON, "$");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static byte[] firstRefund(Consumer<ObjectNode> change) {
        ObjectNode refund = (ObjectNode) ShopifyJson.readObject(Fixtures.bytes(REFUNDS_LIST)).path("refunds").get(0);
        change.accept(refund);
        return ShopifyJson.MAPPER.writeValueAsBytes(refund);
    }

    private static ObjectNode line(ObjectNode refund, int index) {
        return (ObjectNode) refund.path("refund_line_items").get(index);
    }

    private static byte[] returnRequest(Consumer<ObjectNode> change) {
        ObjectNode request = (ObjectNode) ShopifyJson.readObject(RETURN_REQUEST.getBytes(StandardCharsets.UTF_8));
        change.accept(request);
        return ShopifyJson.MAPPER.writeValueAsBytes(request);
    }

    private void assertRefused(byte[] body, PayloadProblem reason, String path) {
        assertProblem(() -> parser.parseRefund(body), reason, path);
    }

    private void assertRefusedReturn(byte[] body, PayloadProblem reason, String path) {
        assertProblem(() -> parser.parseReturn(body, RECEIVED), reason, path);
    }

    private static void assertProblem(Runnable parse, PayloadProblem reason, String path) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ShopifyPayloadException.class, problem -> {
            assertThat(problem.reasonCode()).isEqualTo(reason);
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.getMessage()).contains(path);
        });
    }
}
