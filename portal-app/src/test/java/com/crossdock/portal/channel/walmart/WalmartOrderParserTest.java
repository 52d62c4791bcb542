package com.crossdock.portal.channel.walmart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.channel.walmart.WalmartOrderParser.WalmartOrder;
import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.order.FinancialStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Walmart fixture parses; what Crossdock cannot use is refused with the JSON path at fault. */
class WalmartOrderParserTest {

    private final WalmartOrderParser parser = new WalmartOrderParser();

    @Test
    void everyFixtureHasATestHere() {
        assertThat(WalmartFixtures.names()).containsExactlyInAnyOrder(
                "inventory-feed-multinode-bulk-update-v1.5.json", "inventory-v3-multinode-all-skus-response.json",
                "inventory-v3-multinode-update-request.json", "orders-v3-cancel-lines-request.json",
                "orders-v3-getAllOrders-response.json", "orders-v3-getAnOrder-response.json",
                "orders-v3-refund-lines-request.json", "orders-v3-shipping-update-request-multi-carrier.json");
    }

    @Test
    void getAllOrdersPageWithItsCursorAndEveryOrderOnIt() {
        var page = parser.parseOrdersPage(WalmartFixtures.bytes("orders-v3-getAllOrders-response.json"));
        assertThat(page.orders()).hasSize(10);
        assertThat(page.nextCursor()).startsWith("?limit=10&hasMoreElements=true&soIndex=31&poIndex=10");
        for (String raw : page.orders()) {
            WalmartOrder order = parser.parseOrder(raw.getBytes(StandardCharsets.UTF_8));
            assertThat(order.order().channelOrderId()).isEqualTo(parser.purchaseOrderIdOf(raw));
            assertThat(order.order().lines()).isNotEmpty();
        }
        WalmartOrder replacement = parser.parseOrder(page.orders().getFirst().getBytes(StandardCharsets.UTF_8));
        CanonicalOrder first = replacement.order();
        assertThat(first.channelOrderId()).isEqualTo("1796277083022");
        assertThat(first.createdAt()).isEqualTo(Instant.ofEpochMilli(1568466571000L));
        assertThat(first.updatedAt()).isEqualTo(Instant.ofEpochMilli(1568466647000L));
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.shipTo().countryCode()).isEqualTo("US");
        assertThat(first.shipTo().name()).isEqualTo("Kathryn Cole");
        assertThat(first.shipTo().address2()).isEqualTo("Garage");
        assertThat(first.shipTo().phone()).isEqualTo("3155598681");
        assertThat(first.lines()).singleElement().satisfies(line -> {
            assertThat(line.channelLineId()).isEqualTo("4");
            assertThat(line.sku()).isEqualTo("test1");
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.fulfillableQuantity()).isEqualTo(1);
        });
        assertThat(replacement.awaitingAcknowledgement()).as("a Created line waits for the seller").isTrue();
        List<WalmartOrder> all = page.orders().stream()
                .map(raw -> parser.parseOrder(raw.getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(all).as("shipped and cancelled lines have nothing left to ship")
                .anySatisfy(order -> assertThat(order.order().lines()).anySatisfy(line -> assertThat(
                        line.fulfillableQuantity()).isZero()));
        assertThat(all).as("an order whose every line Walmart cancelled is cancelled")
                .anySatisfy(order -> {
                    assertThat(order.order().financialStatus()).isEqualTo(FinancialStatus.VOIDED);
                    assertThat(order.order().isCancelled()).isTrue();
                    assertThat(order.awaitingAcknowledgement()).isFalse();
                });
    }

    @Test
    void getAnOrderAnswer() {
        String raw = parser.orderOfResponse(WalmartFixtures.bytes("orders-v3-getAnOrder-response.json"));
        WalmartOrder order = parser.parseOrder(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(order.order().channelOrderId()).isEqualTo("1815367951431");
        assertThat(order.order().lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("YHY-FN25200B2");
            assertThat(line.fulfillableQuantity()).as("shipped already").isZero();
        });
        assertThat(order.awaitingAcknowledgement()).isFalse();
        assertThat(raw).contains("435678956435467");
    }

    @Test
    void multiCarrierShippingUpdate() {
        var lines = parser.parseShippingUpdate(WalmartFixtures.bytes(
                "orders-v3-shipping-update-request-multi-carrier.json"));
        assertThat(lines).extracting(WalmartOrderParser.ShippedLine::lineNumber).containsExactly("1", "2");
        assertThat(lines).extracting(WalmartOrderParser.ShippedLine::carrier).containsExactly("UPS", "FedEx");
        assertThat(lines.getFirst().quantity()).isEqualTo(1);
        assertThat(lines.getFirst().trackingNumber()).isEqualTo("22344");
        assertThat(lines.getFirst().shipDateTime()).isEqualTo(Instant.ofEpochMilli(1580821866000L));
        assertThat(lines.get(1).methodCode()).isEqualTo("Express");
    }

    @Test
    void cancelLinesRequest() {
        assertThat(parser.parseCancellation(WalmartFixtures.bytes("orders-v3-cancel-lines-request.json")))
                .containsExactly(new WalmartOrderParser.CancelledLine("1", 1, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"));
    }

    @Test
    void partialRefundRequest() {
        var refund = parser.parseRefund(WalmartFixtures.bytes("orders-v3-refund-lines-request.json"));
        assertThat(refund.purchaseOrderId()).isEqualTo("2577453162650");
        assertThat(refund.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).isEqualTo("4");
            assertThat(line.amount()).isEqualByComparingTo(new BigDecimal("-0.1"));
            assertThat(line.currency()).isEqualTo("USD");
            assertThat(line.reason()).isEqualTo("Merchandise not received");
            assertThat(line.fullRefund()).isFalse();
            assertThat(line.tax()).isEqualByComparingTo(new BigDecimal("-0.1"));
        });
        assertThat(refund.comments()).isEqualTo("test test");
    }

    @Test
    void inventoryPerShipNodeAndTheBulkFeed() {
        assertThat(parser.parseInventoryUpdate(WalmartFixtures.bytes("inventory-v3-multinode-update-request.json")))
                .containsExactly(Map.entry("1000005050", 88), Map.entry("79897837271126017", 55));
        var feed = parser.parseInventoryFeed(WalmartFixtures.bytes("inventory-feed-multinode-bulk-update-v1.5.json"));
        assertThat(feed).containsOnlyKeys("190086893939", "685387364107_SS4_01", "5700521553133_toolsnonwfs_2");
        assertThat(feed.get("5700521553133_toolsnonwfs_2")).containsExactly(Map.entry("10000003527", 13),
                Map.entry("1000000352", 12));
        var page = parser.parseInventoryPage(WalmartFixtures.bytes("inventory-v3-multinode-all-skus-response.json"));
        assertThat(page.nextCursor()).isEqualTo("NTVmZjIxOWEtZjRkMy00MGIwLThkOGYtYzFkNzI1NGZlYmQxIDEw");
        assertThat(page.inventories()).hasSize(2);
        assertThat(page.inventories().getFirst().nodes()).contains(
                new WalmartOrderParser.NodeQuantity("100009", 436, 433, 3));
    }

    @Test
    void whatItWritesItReadsBack() {
        // the client's request shapes, read back by the parser the sandbox uses
        var shipped = new WalmartOrderParser.ShippedLine("2", 3, "OnTrac", "Standard", "C1234", null,
                Instant.parse("2026-11-27T10:00:00Z"));
        String body = WalmartOrderParser.MAPPER.writeValueAsString(Map.of("orderShipment", Map.of("orderLines",
                Map.of("orderLine", List.of(Map.of("lineNumber", "2", "orderLineStatuses", Map.of("orderLineStatus",
                        List.of(Map.of("status", "Shipped", "statusQuantity", Map.of("unitOfMeasurement", "EACH",
                                "amount", "3"), "trackingInfo", Map.of("shipDateTime", shipped.shipDateTime().toEpochMilli(),
                                "carrierName", Map.of("carrier", "OnTrac"), "methodCode", "Standard",
                                "trackingNumber", "C1234"))))))))));
        assertThat(parser.parseShippingUpdate(body.getBytes(StandardCharsets.UTF_8))).containsExactly(shipped);
    }

    @Test
    void malformedPayloadsNameTheirJsonPath() {
        assertThatThrownBy(() -> parser.parseOrder("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WalmartPayloadException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PayloadProblem.MALFORMED_JSON));
        String order = new String(WalmartFixtures.bytes("orders-v3-getAnOrder-response.json"), StandardCharsets.UTF_8);
        String raw = parser.orderOfResponse(order.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> parser.parseOrder(raw.replace("\"amount\":\"1\"", "\"amount\":\"1.5\"")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WalmartPayloadException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo(PayloadProblem.INVALID_VALUE);
                    assertThat(e.path()).isEqualTo("$.orderLines.orderLine[0].orderLineQuantity.amount");
                });
        assertThatThrownBy(() -> parser.parseOrder(raw.replace("\"orderDate\":1623796407000", "\"orderDate\":\"today\"")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WalmartPayloadException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo(PayloadProblem.WRONG_TYPE);
                    assertThat(e.path()).isEqualTo("$.orderDate");
                });
        assertThatThrownBy(() -> parser.parseOrder(raw.replace("\"sku\":\"YHY-FN25200B2\"", "\"sku\":null")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WalmartPayloadException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo(PayloadProblem.MISSING_FIELD);
                    assertThat(e.path()).isEqualTo("$.orderLines.orderLine[0].item.sku");
                });
        assertThatThrownBy(() -> parser.parseOrdersPage("{\"list\":{\"elements\":{\"order\":{}}}}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WalmartPayloadException.class,
                        e -> assertThat(e.path()).isEqualTo("$.list.elements.order"));
    }
}
