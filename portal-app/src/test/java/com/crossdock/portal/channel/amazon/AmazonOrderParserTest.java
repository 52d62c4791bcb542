package com.crossdock.portal.channel.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.Address;
import com.crossdock.portal.order.CanonicalOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AmazonOrderParserTest {

    private static final String MULTI = "orders-v0-getOrders-response-multi.json";
    private static final String NEXT_TOKEN = "orders-v0-getOrders-response-nexttoken-buyerinfo.json";
    private static final String AFN = "orders-v0-getOrder-response-iba-afn-eur.json";
    private static final String ITEMS = "orders-v0-getOrderItems-response-buyer-cancel.json";
    private static final String LWA = "lwa-token-response-authorization-code.json";

    private final AmazonOrderParser parser = new AmazonOrderParser();

    private List<String> items() {
        return parser.parseItemsPage(AmazonFixtures.bytes(ITEMS)).items();
    }

    private AmazonOrder parse(String orderJson, List<String> items) {
        return parser.parseOrder(AmazonOrderParser.combine(orderJson, items).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPageOfUnshippedMerchantOrdersWithItemsBecomesCanonicalOrders() {
        AmazonOrderParser.OrdersPage page = parser.parseOrdersPage(AmazonFixtures.bytes(MULTI));
        assertThat(page.orders()).hasSize(2);
        assertThat(page.nextToken()).isNull();
        assertThat(parser.orderIdOf(page.orders().getFirst())).isEqualTo("902-1845936-5435065");

        AmazonOrder parsed = parse(page.orders().getFirst(), items());
        assertThat(parsed).isInstanceOf(AmazonOrder.ForWarehouse.class);
        CanonicalOrder order = ((AmazonOrder.ForWarehouse) parsed).order();
        assertThat(order.channelOrderId()).isEqualTo("902-1845936-5435065");
        assertThat(order.orderName()).isEqualTo("902-1845936-5435065");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("1970-01-19T03:58:30Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("1970-01-19T03:58:32Z"));
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.shippingMethodCode()).isEqualTo("Standard");
        assertThat(order.shippingMethodTitle()).isEqualTo("Std US D2D Dom");
        // the sandbox model leaves the buyer's address out (restricted data): the pipeline holds such an order
        assertThat(order.shipTo()).isEqualTo(Address.NONE);
        assertThat(order.isCancelled()).isFalse();
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.channelLineId()).isEqualTo("05015851154158");
            assertThat(line.sku()).isEqualTo("NABetaASINB00551Q3CS");
            assertThat(line.channelVariantId()).isEqualTo("B00551Q3CS");
            assertThat(line.title()).isEqualTo("B00551Q3CS [Card Book]");
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.fulfillableQuantity()).isEqualTo(1);
        });
    }

    @Test
    void aNextTokenPageIsReadAndItsPendingOrderWaitsForPayment() {
        AmazonOrderParser.OrdersPage page = parser.parseOrdersPage(AmazonFixtures.bytes(NEXT_TOKEN));
        assertThat(page.nextToken()).isEqualTo("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4");
        assertThat(page.orders()).hasSize(1);
        AmazonOrder parsed = parse(page.orders().getFirst(), items());
        assertThat(parsed).isInstanceOfSatisfying(AmazonOrder.Ignored.class, ignored -> {
            assertThat(ignored.amazonOrderId()).isEqualTo("902-3159896-1390916");
            assertThat(ignored.reason()).contains("Pending");
        });
    }

    @Test
    void aPendingOrderWithItsAddressIsReadOnceAmazonMarksItUnshipped() {
        String pending = parser.parseOrdersPage(AmazonFixtures.bytes(NEXT_TOKEN)).orders().getFirst();
        AmazonOrder parsed = parse(pending.replace("\"Pending\"", "\"Unshipped\""), items());
        CanonicalOrder order = ((AmazonOrder.ForWarehouse) parsed).order();
        assertThat(order.customerEmail()).isEqualTo("user@example.com");
        assertThat(order.shipTo()).isEqualTo(new Address("Michigan address", null, "1 Cross St.", null, "Canton", "MI",
                "48817", "US", null));
        assertThat(order.shipTo().missingForShipping()).isEmpty();
        // no total and a USD item price: the items' currency
        assertThat(order.currency()).isEqualTo("USD");
    }

    @Test
    void anOrderFulfilledByAmazonIsIgnoredWithTheReason() {
        String payload = new String(AmazonFixtures.bytes(AFN), StandardCharsets.UTF_8);
        String order = AmazonOrderParser.MAPPER.readTree(payload).get("payload").toString();
        AmazonOrder parsed = parse(order, items());
        assertThat(parsed).isInstanceOfSatisfying(AmazonOrder.Ignored.class, ignored -> {
            assertThat(ignored.amazonOrderId()).isEqualTo("921-3175655-0452641");
            assertThat(ignored.updatedAt()).isEqualTo(Instant.parse("2019-05-08T21:59:59Z"));
            assertThat(ignored.reason()).contains("Fulfilled by Amazon").contains("AFN");
        });
    }

    @Test
    void aCanceledOrderIsCanonicalAndCancelled() {
        String order = parser.parseOrdersPage(AmazonFixtures.bytes(MULTI)).orders().getFirst()
                .replace("\"Unshipped\"", "\"Canceled\"");
        CanonicalOrder canonical = ((AmazonOrder.ForWarehouse) parse(order, items())).order();
        assertThat(canonical.isCancelled()).isTrue();
        assertThat(canonical.lines().getFirst().fulfillableQuantity()).isZero();
    }

    @Test
    void everyOtherFixtureIsRefusedAsAnOrdersPageWithAClearReason() {
        Set<String> orderFixtures = Set.of(MULTI, NEXT_TOKEN, ITEMS);
        List<String> others = AmazonFixtures.names().stream().filter(name -> !orderFixtures.contains(name)).toList();
        assertThat(others).hasSize(15);
        for (String name : others) {
            assertThatThrownBy(() -> parser.parseOrdersPage(AmazonFixtures.bytes(name)))
                    .as(name).isInstanceOf(AmazonPayloadException.class)
                    .hasMessageStartingWith(name.endsWith(".csv") ? "MALFORMED_JSON at $" : "MISSING_FIELD at $.payload");
        }
        assertThat(names(LWA)).isTrue();
    }

    private static boolean names(String name) {
        return AmazonFixtures.names().contains(name);
    }

    @Test
    void unusableOrdersNameTheFieldAtFault() {
        String order = parser.parseOrdersPage(AmazonFixtures.bytes(MULTI)).orders().getFirst();
        String item = items().getFirst();
        assertThatThrownBy(() -> parse(order, List.of(item.replace("\"QuantityOrdered\":1", "\"QuantityOrdered\":-2"))))
                .isInstanceOfSatisfying(AmazonPayloadException.class, e -> {
                    assertThat(e.reasonCode()).isEqualTo(PayloadProblem.INVALID_VALUE);
                    assertThat(e.path()).isEqualTo("$.items[0].QuantityOrdered");
                });
        assertThatThrownBy(() -> parse(order, List.of(item.replace("\"QuantityOrdered\":1", "\"QuantityOrdered\":\"1\""))))
                .isInstanceOfSatisfying(AmazonPayloadException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PayloadProblem.WRONG_TYPE));
        assertThatThrownBy(() -> parse(order, List.of(item.replace("\"OrderItemId\":\"05015851154158\",", ""))))
                .isInstanceOfSatisfying(AmazonPayloadException.class,
                        e -> assertThat(e.path()).isEqualTo("$.items[0].OrderItemId"));
        assertThatThrownBy(() -> parse(order, List.of())).isInstanceOfSatisfying(AmazonPayloadException.class,
                e -> assertThat(e.getMessage()).isEqualTo("MISSING_FIELD at $.items: the order has no items"));
        assertThatThrownBy(() -> parse(order.replace("\"1970-01-19T03:58:32Z\"", "\"yesterday\""), List.of(item)))
                .isInstanceOfSatisfying(AmazonPayloadException.class,
                        e -> assertThat(e.path()).isEqualTo("$.order.LastUpdateDate"));
        assertThatThrownBy(() -> parser.parseOrder("{\"order\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AmazonPayloadException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(PayloadProblem.MALFORMED_JSON));
    }
}
