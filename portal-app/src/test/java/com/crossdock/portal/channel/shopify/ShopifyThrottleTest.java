package com.crossdock.portal.channel.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ShopifyThrottleTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-05-04T09:00:00Z"));
    private final ShopifyThrottle throttle = new ShopifyThrottle(time);

    @Test
    void aQueryTheBucketCanAffordGoesAtOnce() {
        // the published example: 999 of 1000 points left, the query cost 1
        JsonNode response = ShopifyJson.readObject(Fixtures.bytes("graphql-response-with-cost-extensions.json"));

        throttle.record("Product", response.path("extensions").path("cost"));

        assertThat(throttle.waitBefore("Product")).isZero();
    }

    @Test
    void aQueryCostingMoreThanIsLeftWaitsForTheShortfallAtTheRestoreRate() {
        throttle.record("Orders", cost(752, 666, 1000, 50));

        // (752 - 666) points at 50 points a second
        assertThat(throttle.waitBefore("Orders")).isEqualTo(Duration.ofMillis(1720));
    }

    @Test
    void theBucketRefillsWhileTimePasses() {
        throttle.record("Orders", cost(752, 666, 1000, 50));

        time.advance(Duration.ofSeconds(1));

        assertThat(throttle.waitBefore("Orders")).isEqualTo(Duration.ofMillis(720));
        time.advance(Duration.ofMillis(720));
        assertThat(throttle.waitBefore("Orders")).isZero();
    }

    @Test
    void theWaitIsForTheQueryAboutToRunNotTheLastOne() {
        throttle.record("Scopes", cost(2, 900, 1000, 50));
        throttle.record("Orders", cost(600, 500, 1000, 50));

        assertThat(throttle.waitBefore("Scopes")).isZero();
        assertThat(throttle.waitBefore("Orders")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aQueryNeverRunBeforeIsNotHeldBack() {
        throttle.record("Orders", cost(752, 0, 1000, 50));

        assertThat(throttle.waitBefore("Scopes")).isZero();
    }

    @Test
    void aQueryDearerThanTheWholeBucketWaitsOnlyUntilTheBucketIsFull() {
        throttle.record("Huge", cost(5000, 900, 1000, 50));

        assertThat(throttle.waitBefore("Huge")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aResponseWithoutCostDataKeepsTheLastKnownBucket() {
        throttle.record("Orders", cost(752, 666, 1000, 50));

        throttle.record("Orders", ShopifyJson.MAPPER.createObjectNode());

        assertThat(throttle.waitBefore("Orders")).isEqualTo(Duration.ofMillis(1720));
    }

    private static JsonNode cost(int requested, int available, int maximum, int restoreRate) {
        return ShopifyJson.readObject("""
                {"requestedQueryCost": %d, "actualQueryCost": null,
                 "throttleStatus": {"maximumAvailable": %d.0, "currentlyAvailable": %d, "restoreRate": %d.0}}
                """.formatted(requested, maximum, available, restoreRate).getBytes());
    }
}
