package com.crossdock.portal.channel.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.channel.sandbox.AmazonSandboxStore;
import com.crossdock.portal.channel.sandbox.AmazonSandboxStore.Fault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The connector against the Amazon sandbox at the published rates, on a fake clock: the sandbox enforces Amazon's
 * buckets itself, so a client going too fast would meet 429s it did not ask for.
 */
class AmazonSandboxImportTest {

    private static final URI SANDBOX = URI.create("http://sandbox.invalid/sandbox/amazon/t/c");
    private static final List<String> MARKETPLACES = List.of("ATVPDKIKX0DER");

    private final FakePace pace = new FakePace(Instant.parse("2026-11-27T12:00:00Z"));
    private final AmazonSandboxStore sandbox = new AmazonSandboxStore("Atzr|sandbox-refresh", MARKETPLACES,
            "000000000001", null, pace);

    private SpApiClient client(String refreshToken) {
        LwaTokens tokens = new LwaTokens(new LwaExchange(SANDBOX.resolve("/auth/o2/token"), sandbox, "amzn1.client",
                "secret", refreshToken), pace);
        return new SpApiClient(SANDBOX, sandbox, tokens, new SpApiLimiter(pace), pace);
    }

    @Test
    void fiveHundredOrdersItemsImportAtThePublishedRateWithInjected429sAndNothingFails(
            org.junit.jupiter.api.TestReporter reporter) {
        sandbox.placeOrders(500, 0, List.of("HP-MUG-01", "HP-TEE-M", "HP-CANDLE"), new Random(7));
        SpApiClient client = client("Atzr|sandbox-refresh");
        pace.advance(Duration.ofSeconds(1));

        List<String> orders = new ArrayList<>();
        String next = null;
        do {
            var page = client.getOrders(MARKETPLACES, pace.now().minus(Duration.ofHours(1)), next);
            orders.addAll(page.orders());
            next = page.nextToken();
        } while (next != null);
        assertThat(orders).hasSize(500);

        Duration start = pace.elapsed();
        int items = 0;
        for (int i = 0; i < orders.size(); i++) {
            if (i == 100) {
                sandbox.inject(Fault.THROTTLE, 5);
            }
            if (i == 200) {
                sandbox.inject(Fault.SERVER_ERROR, 2);
            }
            if (i == 300) {
                sandbox.inject(Fault.EXPIRE_TOKEN, 1);
            }
            items += client.getOrderItems(new AmazonOrderParser().orderIdOf(orders.get(i))).size();
        }
        assertThat(items).isGreaterThanOrEqualTo(500);
        assertThat(sandbox.throttled()).isGreaterThanOrEqualTo(5);
        // one exchange at the start, one after the expired token
        assertThat(sandbox.exchanges()).isEqualTo(2);
        // the burst of 30 goes at once, the other 470 calls at 0.5/s: 940 s is the least Amazon allows; the
        // injected faults cost a few restore intervals and back-offs more
        Duration took = pace.elapsed().minus(start);
        assertThat(took).isBetween(Duration.ofSeconds(940), Duration.ofSeconds(940 + 30));
        double allowed = 470 / (took.toMillis() / 1000.0) / 0.5;
        reporter.publishEntry("getOrderItems", "500 orders in " + took.toMillis() / 1000.0 + " s (fake clock), "
                + Math.round(allowed * 1000) / 10.0 + "% of the allowed rate after the burst, "
                + sandbox.throttled() + " answered 429, none escaped");
        assertThat(allowed).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aRefusedRefreshTokenSaysWhatToDo() {
        sandbox.placeOrders(1, 0, List.of("HP-MUG-01"), new Random(1));
        assertThatThrownBy(() -> client("Atzr|wrong").getOrders(MARKETPLACES, pace.now(), null))
                .isInstanceOf(SpApiException.class).hasMessageContaining("refused the refresh token")
                .hasMessageContaining("authorise the app again");
    }

    @Test
    void aServerErrorThatPersistsFailsTheCallWithAmazonsAnswer() {
        sandbox.placeOrders(1, 0, List.of("HP-MUG-01"), new Random(1));
        sandbox.inject(Fault.SERVER_ERROR, SpApiClient.SERVER_ATTEMPTS);
        assertThatThrownBy(() -> client("Atzr|sandbox-refresh").getOrders(MARKETPLACES, pace.now(), null))
                .isInstanceOfSatisfying(SpApiException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("ServiceUnavailable");
    }

    @Test
    void fbaOrdersComeAlongAndTheParserSetsThemAside() {
        sandbox.placeOrders(2, 1, List.of("HP-MUG-01", "HP-TEE-M"), new Random(3));
        SpApiClient client = client("Atzr|sandbox-refresh");
        var page = client.getOrders(MARKETPLACES, pace.now().minusSeconds(5), null);
        AmazonOrderParser parser = new AmazonOrderParser();
        List<AmazonOrder> parsed = page.orders().stream().map(order -> parser.parseOrder(AmazonOrderParser
                .combine(order, client.getOrderItems(parser.orderIdOf(order))).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .toList();
        assertThat(parsed).filteredOn(AmazonOrder.ForWarehouse.class::isInstance).hasSize(2);
        assertThat(parsed).filteredOn(AmazonOrder.Ignored.class::isInstance).singleElement()
                .satisfies(ignored -> assertThat(((AmazonOrder.Ignored) ignored).reason()).contains("AFN"));
        assertThat(parsed.stream().filter(AmazonOrder.ForWarehouse.class::isInstance)
                .map(order -> ((AmazonOrder.ForWarehouse) order).order().shipTo().missingForShipping())).allMatch(List::isEmpty);
    }
}
