package com.crossdock.portal.channel.walmart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.channel.PayloadProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Walmart's Returns API shape (its published getReturns example, trimmed) into Crossdock's return records. */
class WalmartReturnParserTest {

    private final WalmartReturnParser parser = new WalmartReturnParser();

    private static final String PAGE = """
            {"meta": {"totalCount": 40, "limit": 10, "nextCursor": "?sellerId=151&limit=10&offset=10"},
             "returnOrders": [{
               "returnOrderId": "103738048909818825", "customerOrderId": "1234567891234",
               "returnOrderDate": "2019-02-21T01:01:08.000Z",
               "totalRefundAmount": {"currencyAmount": 127.45, "currencyUnit": "USD"},
               "returnOrderLines": [{
                 "returnOrderLineNumber": 1, "salesOrderLineNumber": 1, "returnReason": "ARRIVED_LATE",
                 "purchaseOrderId": "4790210558890", "purchaseOrderLineNumber": 1,
                 "item": {"sku": "ANTL_GDL-0700", "productName": "Boom Microphone"},
                 "unitPrice": {"currencyAmount": 119.95, "currencyUnit": "USD"},
                 "quantity": {"unitOfMeasure": "EACH", "measurementValue": 3},
                 "currentTrackingStatuses": [{"status": "COMPLETED", "statusTime": "2023-06-22T02:20:51.000Z",
                   "quantity": {"unitOfMeasure": "EACH", "measurementValue": 2}}],
                 "returnTrackingDetail": [{"sequenceNo": 1, "eventTag": "RETURN_IN_TRANSIT",
                   "eventTime": "2019-02-23T00:46:11.000Z"}]
               }]
             }]}""";

    @Test
    void aPageKeepsEachReturnAsSentAndItsCursor() {
        var page = parser.parseReturnsPage(PAGE.getBytes(StandardCharsets.UTF_8));
        assertThat(page.nextCursor()).isEqualTo("?sellerId=151&limit=10&offset=10");
        assertThat(page.returns()).singleElement().satisfies(json ->
                assertThat(parser.returnOrderIdOf(json)).isEqualTo("103738048909818825"));
        String empty = "{\"meta\":{\"totalCount\":0,\"nextCursor\":\"?offset=10\"},\"returnOrders\":[]}";
        assertThat(parser.parseReturnsPage(empty.getBytes(StandardCharsets.UTF_8)).nextCursor())
                .as("an empty page ends the paging").isNull();
    }

    @Test
    void aReturnBecomesAReturnOfItsPurchaseOrderChangedAtItsNewestEvent() {
        String json = parser.parseReturnsPage(PAGE.getBytes(StandardCharsets.UTF_8)).returns().getFirst();
        assertThat(parser.parseReturn(json.getBytes(StandardCharsets.UTF_8))).singleElement().satisfies(part -> {
            assertThat(part.request().channelReturnId()).isEqualTo("103738048909818825");
            assertThat(part.request().channelOrderId()).isEqualTo("4790210558890");
            assertThat(part.request().status()).isEqualTo("OPEN");
            assertThat(part.request().updatedAt()).isEqualTo(Instant.parse("2023-06-22T02:20:51Z"));
            assertThat(part.request().lines()).singleElement().satisfies(line -> {
                assertThat(line.channelLineId()).isEqualTo("1");
                assertThat(line.sku()).isEqualTo("ANTL_GDL-0700");
                assertThat(line.quantity()).isEqualTo(3);
                assertThat(line.reason()).isEqualTo("ARRIVED_LATE");
            });
            assertThat(part.amount()).isEqualByComparingTo("359.85");
            assertThat(part.currency()).isEqualTo("USD");
        });
    }

    @Test
    void linesOfTwoPurchaseOrdersAreTwoReturnsAndACalledOffReturnIsCancelled() {
        String json = """
                {"returnOrderId": "77", "returnOrderDate": "2026-11-27T10:00:00Z", "returnOrderLines": [
                  {"purchaseOrderId": "A", "purchaseOrderLineNumber": "2", "item": {"sku": "X"},
                   "quantity": {"measurementValue": 1}, "returnCancellationReason": "Buyer kept it"},
                  {"purchaseOrderId": "B", "purchaseOrderLineNumber": 1, "item": {"sku": "Y"},
                   "quantity": {"measurementValue": 2}}]}""";
        var parts = parser.parseReturn(json.getBytes(StandardCharsets.UTF_8));
        assertThat(parts).extracting(part -> part.request().channelReturnId()).containsExactly("77/A", "77/B");
        assertThat(parts).extracting(part -> part.request().status()).containsExactly("CANCELLED", "OPEN");
        assertThat(parts.getFirst().amount()).as("no unit price, no amount").isNull();
    }

    @Test
    void anUnusableReturnNamesItsPath() {
        String words = """
                {"returnOrderId": "1", "returnOrderDate": "2026-11-27T10:00:00Z", "returnOrderLines": [
                  {"purchaseOrderId": "A", "purchaseOrderLineNumber": 1, "quantity": {"measurementValue": "two"}}]}""";
        assertThatThrownBy(() -> parser.parseReturn(words.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WalmartPayloadException.class, problem -> {
                    assertThat(problem.reasonCode()).isEqualTo(PayloadProblem.MISSING_FIELD);
                    assertThat(problem.getMessage()).contains("$.returnOrderLines[0].item");
                });
        String noDate = "{\"returnOrderId\": \"1\", \"returnOrderDate\": \"yesterday\", \"returnOrderLines\": []}";
        assertThatThrownBy(() -> parser.parseReturn(noDate.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WalmartPayloadException.class, problem ->
                        assertThat(problem.getMessage()).contains("$.returnOrderDate"));
    }
}
