package com.crossdock.portal.channel.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.order.Address;
import com.crossdock.portal.order.CanonicalOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Orders API 2026-01-01 against Amazon's fixtures: searchOrders pages and getOrder into canonical orders. */
class AmazonOrders2026Test {

    final AmazonOrders2026 orders = new AmazonOrders2026();
    final AmazonOrderParser parser = new AmazonOrderParser();

    private AmazonOrder parse(String orderJson) {
        return parser.parseOrder(AmazonOrders2026.wrap(orderJson).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSearchPageHasItsNextTokenAndItsFbaOrderIsSetAside() {
        AmazonOrderParser.OrdersPage page = orders.parseSearchPage(AmazonFixtures.bytes(
                "orders-2026-01-01-searchOrders-response.json"));

        assertThat(page.nextToken()).isEqualTo("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4");
        assertThat(page.orders()).hasSize(1);
        assertThat(orders.orderIdOf(page.orders().getFirst())).isEqualTo("250-1234567-8901234");
        assertThat(orders.updatedAtOf(page.orders().getFirst())).contains(Instant.parse("2024-12-25T06:45:00Z"));
        assertThat(parse(page.orders().getFirst())).isInstanceOfSatisfying(AmazonOrder.Ignored.class,
                ignored -> assertThat(ignored.reason()).contains("fulfilledBy AMAZON"));
    }

    @Test
    void aMerchantOrderFromGetOrderBecomesACanonicalOrder() {
        String json = orders.parseGetOrder(AmazonFixtures.bytes("orders-2026-01-01-getOrder-response.json"));

        CanonicalOrder order = ((AmazonOrder.ForWarehouse) parse(json)).order();

        assertThat(order.channelOrderId()).isEqualTo("171-9876543-2109876");
        assertThat(order.currency()).isEqualTo("BRL");
        assertThat(order.customerEmail()).isEqualTo("buyer-email@marketplace.amazon.com.br");
        assertThat(order.shipTo()).isEqualTo(new Address("Maria Silva Santos", null, "Rua das Flores, 123",
                "Apartamento 45", "São Paulo", "SP", "01234-567", "BR", "+55 11 98765-4321"));
        assertThat(order.shippingMethodCode()).isEqualTo("STANDARD");
        assertThat(order.isCancelled()).isFalse();
        assertThat(order.lines()).first().satisfies(line -> {
            assertThat(line.channelLineId()).isEqualTo("17198765432109");
            assertThat(line.sku()).isEqualTo("ECHO-DOT-4-BR-PRETO");
            assertThat(line.channelVariantId()).isEqualTo("B08N5WRWNW");
            assertThat(line.quantity()).isOne();
            assertThat(line.fulfillableQuantity()).isOne();
        });
    }

    @Test
    void anUnusableOrderNamesThePath() {
        String json = orders.parseGetOrder(AmazonFixtures.bytes("orders-2026-01-01-getOrder-response.json"))
                .replace("\"quantityOrdered\":1", "\"quantityOrdered\":-1");
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(AmazonPayloadException.class,
                e -> assertThat(e.path()).isEqualTo("$.order2026.orderItems[0].quantityOrdered"));
        assertThatThrownBy(() -> orders.parseSearchPage("{\"orders\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AmazonPayloadException.class, e -> assertThat(e.path()).isEqualTo("$.orders"));
    }
}
