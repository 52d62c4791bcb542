package com.crossdock.portal.channel.walmart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.channel.amazon.FakePace;
import com.crossdock.portal.channel.sandbox.WalmartSandboxStore;
import com.crossdock.portal.channel.sandbox.WalmartSandboxStore.Fault;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.CancelledLine;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.RefundLine;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.ShippedLine;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The client against the sandbox seller as its transport (no HTTP), on a fake clock. */
class WalmartClientTest {

    private final FakePace pace = new FakePace(Instant.parse("2026-11-27T12:00:00Z"));
    private final WalmartSandboxStore sandbox = new WalmartSandboxStore("id", "secret", List.of("10001", "10002"),
            pace);
    private final URI endpoint = URI.create("http://sandbox");
    private final WalmartClient client = new WalmartClient(endpoint, sandbox, new WalmartTokens(
            WalmartTokens.clientCredentials(URI.create(endpoint + "/v3/token"), sandbox, "id", "secret"), pace),
            new WalmartLimiter(pace), pace);
    private final WalmartOrderParser parser = new WalmartOrderParser();

    @Test
    void ordersPageByCursorAndNoOrderIsAnEmptyPage() {
        Instant start = pace.now().minusSeconds(1);
        assertThat(client.orders(start, null).orders()).isEmpty();
        sandbox.placeOrders(150, List.of("SKU-A", "SKU-B", "SKU-C"), new Random(7));
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = client.orders(start, cursor);
            all.addAll(page.orders());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(all).hasSize(150).allSatisfy(order -> assertThat(parser.parseOrder(
                order.getBytes(StandardCharsets.UTF_8)).awaitingAcknowledgement()).isTrue());
        assertThat(client.ordersCreatedSince(start).orders()).hasSize(100);
    }

    @Test
    void acknowledgeShipSplitCancelAndRefund() {
        String po = sandbox.placeOrders(1, List.of("SKU-A"), new Random(1)).getFirst();
        client.acknowledge(po);
        var order = parser.parseOrder(client.order(po).orElseThrow().getBytes(StandardCharsets.UTF_8));
        assertThat(order.awaitingAcknowledgement()).isFalse();
        int quantity = order.order().lines().getFirst().quantity();
        Instant shipped = Instant.parse("2026-11-27T13:00:00Z");
        client.ship(po, List.of(new ShippedLine("1", 1, "UPS", "Ground", "1Z999", null, shipped)));
        if (quantity > 1) {
            client.ship(po, List.of(new ShippedLine("1", quantity - 1, "Ship Co", null, "SC-2", null, shipped)));
        }
        assertThat(sandbox.shippingUpdates()).hasSize(quantity > 1 ? 2 : 1);
        assertThat(sandbox.shippingUpdates().getFirst().lines()).singleElement()
                .satisfies(line -> assertThat(line.trackingNumber()).isEqualTo("1Z999"));
        var after = parser.parseOrder(client.order(po).orElseThrow().getBytes(StandardCharsets.UTF_8));
        assertThat(after.order().lines().getFirst().fulfillableQuantity()).isZero();
        assertThatThrownBy(() -> client.ship(po, List.of(new ShippedLine("1", 1, "UPS", null, "1Z1000", null,
                shipped)))).isInstanceOfSatisfying(WalmartApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.refused()).isTrue();
                });
        String refunded = client.refund(po, List.of(new RefundLine("1", new BigDecimal("-19.99"),
                new BigDecimal("-1.60"), "USD", "Item damaged", false)), "crossdock-rma-test");
        assertThat(sandbox.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.comments()).isEqualTo("crossdock-rma-test");
            assertThat(refund.lines()).singleElement().satisfies(line -> {
                assertThat(line.amount()).isEqualByComparingTo("-19.99");
                assertThat(line.tax()).isEqualByComparingTo("-1.60");
            });
        });
        WalmartReturnParser returns = new WalmartReturnParser();
        assertThat(returns.refundWithComments(refunded, "crossdock-rma-test")).as("the refund is found on the order")
                .isPresent();
        assertThat(returns.refundWithComments(client.order(po).orElseThrow(), "crossdock-rma-other")).isEmpty();
        assertThat(returns.lineCharges(refunded).get("1").refunded()).isEqualByComparingTo("21.59");

        String other = sandbox.placeOrders(1, List.of("SKU-B"), new Random(2)).getFirst();
        int units = parser.parseOrder(client.order(other).orElseThrow().getBytes(StandardCharsets.UTF_8)).order()
                .lines().getFirst().quantity();
        client.cancel(other, List.of(new CancelledLine("1", units, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL")));
        assertThat(parser.parseOrder(client.order(other).orElseThrow().getBytes(StandardCharsets.UTF_8)).order()
                .isCancelled()).isTrue();
        assertThat(client.order("404404")).isEmpty();
    }

    @Test
    void returnsOfShippedUnitsPageByCursorAndARefundIsCheckedAsWalmartChecksIt() {
        Instant start = pace.now().minusSeconds(1);
        assertThat(client.returns(start, null).returns()).as("no return at all is an empty page").isEmpty();
        List<String> orders = sandbox.placeOrders(12, List.of("SKU-A", "SKU-B"), new Random(4));
        assertThatThrownBy(() -> sandbox.requestReturn(orders.getFirst(), "DAMAGED_ITEM"))
                .as("nothing shipped, nothing to return").isInstanceOf(IllegalArgumentException.class);
        for (String po : orders) {
            var lines = parser.parseOrder(client.order(po).orElseThrow().getBytes(StandardCharsets.UTF_8)).order()
                    .lines();
            client.ship(po, lines.stream().map(line -> new ShippedLine(line.channelLineId(), line.quantity(), "UPS",
                    null, "1Z" + po + line.channelLineId(), null, pace.now())).toList());
        }
        assertThat(sandbox.returnShipped(11, new Random(5))).hasSize(11);
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = client.returns(start, cursor);
            all.addAll(page.returns());
            cursor = page.nextCursor();
        } while (cursor != null);
        WalmartReturnParser returns = new WalmartReturnParser();
        assertThat(all).hasSize(11).allSatisfy(json -> assertThat(returns.parseReturn(
                json.getBytes(StandardCharsets.UTF_8))).singleElement().satisfies(part -> {
                    assertThat(orders).contains(part.request().channelOrderId());
                    assertThat(part.request().lines()).allSatisfy(line -> assertThat(line.sku()).isIn("SKU-A",
                            "SKU-B"));
                    assertThat(part.amount()).isPositive();
                }));

        String po = orders.getFirst();
        var charge = returns.lineCharges(client.order(po).orElseThrow()).get("1");
        BigDecimal all1 = charge.unitPrice().add(charge.unitTax()).multiply(BigDecimal.valueOf(charge.shipped()));
        assertThatThrownBy(() -> client.refund(po, List.of(new RefundLine("1", all1.negate().subtract(BigDecimal.ONE),
                null, "USD", "Customer Return", false)), "too-much"))
                .isInstanceOfSatisfying(WalmartApiException.class, refused -> {
                    assertThat(refused.refused()).isTrue();
                    assertThat(refused.getMessage()).contains("is more than").contains("left of its charge");
                });
        assertThatThrownBy(() -> client.refund(po, List.of(new RefundLine("9", BigDecimal.ONE.negate(), null, "USD",
                "Customer Return", false)), "no-line")).isInstanceOf(WalmartApiException.class)
                .hasMessageContaining("has no line 9");
        sandbox.refundInSellerCenter(po);
        assertThatThrownBy(() -> client.refund(po, List.of(new RefundLine("1", charge.unitPrice().negate(), null,
                "USD", "Customer Return", false)), "after-seller-center")).isInstanceOf(WalmartApiException.class)
                .hasMessageContaining("is more than the 0");
        String unshipped = sandbox.placeOrders(1, List.of("SKU-A"), new Random(6)).getFirst();
        assertThatThrownBy(() -> client.refund(unshipped, List.of(new RefundLine("1", BigDecimal.ONE.negate(), null,
                "USD", "Customer Return", false)), "unshipped")).isInstanceOf(WalmartApiException.class)
                .hasMessageContaining("was not shipped");
        assertThat(sandbox.refunds()).as("refused refunds are not taken").isEmpty();
    }

    @Test
    void throttlingServerErrorsAndAnExpiredTokenAreRecovered() {
        sandbox.placeOrders(3, List.of("SKU-A"), new Random(3));
        sandbox.inject(Fault.THROTTLE, 2);
        sandbox.inject(Fault.SERVER_ERROR, 1);
        sandbox.inject(Fault.EXPIRE_TOKEN, 1);
        Duration before = pace.elapsed();
        assertThat(client.orders(pace.now().minusSeconds(60), null).orders()).hasSize(3);
        assertThat(sandbox.throttled()).isEqualTo(2);
        assertThat(sandbox.exchanges()).as("renewed once after the 401").isEqualTo(2);
        assertThat(pace.elapsed()).as("waited for the replenish time instead of hammering").isGreaterThan(before);
    }

    @Test
    void inventoryPerShipNodeAndABulkFeedWithAProcessingError() {
        client.updateInventory("SKU-A", Map.of("10001", 12));
        assertThat(client.inventories()).singleElement().satisfies(sku -> assertThat(sku.nodes()).singleElement()
                .satisfies(node -> assertThat(node.availableToSell()).isEqualTo(12)));
        sandbox.inject(Fault.FEED_ERROR, 1);
        assertThat(client.tryFeed()).isTrue();
        String feedId = client.submitInventoryFeed(Map.of("SKU-B", Map.of("10001", 5), "SKU-C", Map.of("10001", 0)));
        var status = client.feedStatus(feedId);
        assertThat(status.done()).isTrue();
        assertThat(status.items()).hasSize(2).filteredOn(item -> !item.succeeded()).singleElement()
                .satisfies(item -> assertThat(item.error()).contains("ERR_EXT_DATA_0101"));
    }

    @Test
    void theHourlyFeedAllowanceIsKept() {
        for (int i = 0; i < WalmartLimiter.FEEDS_PER_HOUR; i++) {
            assertThat(client.tryFeed()).isTrue();
        }
        assertThat(client.tryFeed()).isFalse();
        pace.advance(Duration.ofMinutes(61));
        assertThat(client.tryFeed()).isTrue();
    }
}
