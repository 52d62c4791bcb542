package com.crossdock.portal.channel.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpApiLimiterTest {

    private final FakePace pace = new FakePace(Instant.parse("2026-11-27T12:00:00Z"));
    private final SpApiLimiter limiter = new SpApiLimiter(pace);

    @Test
    void theBurstGoesAtOnceThenOneCallPerRestoreInterval() {
        for (int i = 0; i < 30; i++) {
            limiter.acquire(SpApiOperation.GET_ORDER_ITEMS);
        }
        assertThat(pace.elapsed()).isZero();
        limiter.acquire(SpApiOperation.GET_ORDER_ITEMS);
        assertThat(pace.elapsed()).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) {
            limiter.acquire(SpApiOperation.GET_ORDER_ITEMS);
        }
        assertThat(pace.elapsed()).isEqualTo(Duration.ofSeconds(22));
    }

    @Test
    void operationsHaveTheirOwnBuckets() {
        for (int i = 0; i < 20; i++) {
            limiter.acquire(SpApiOperation.GET_ORDERS);
        }
        limiter.acquire(SpApiOperation.GET_ORDER_ITEMS);
        assertThat(pace.elapsed()).isZero();
        limiter.acquire(SpApiOperation.GET_ORDERS);
        // 0.0167 requests a second: a minute, near enough
        assertThat(pace.elapsed()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
    }

    @Test
    void theRateAmazonReportsReplacesThePublishedOne() {
        limiter.observeRate(SpApiOperation.GET_ORDER_ITEMS, 5);
        assertThat(limiter.rate(SpApiOperation.GET_ORDER_ITEMS)).isEqualTo(5.0);
        for (int i = 0; i < 31; i++) {
            limiter.acquire(SpApiOperation.GET_ORDER_ITEMS);
        }
        assertThat(pace.elapsed()).isEqualTo(Duration.ofMillis(200));
        limiter.observeRate(SpApiOperation.GET_ORDER_ITEMS, 0);
        limiter.observeRate(SpApiOperation.GET_ORDER_ITEMS, Double.NaN);
        assertThat(limiter.rate(SpApiOperation.GET_ORDER_ITEMS)).isEqualTo(5.0);
    }

    @Test
    void aThrottledAnswerEmptiesTheBucket() {
        limiter.acquire(SpApiOperation.GET_ORDER_ITEMS);
        limiter.throttled(SpApiOperation.GET_ORDER_ITEMS);
        limiter.acquire(SpApiOperation.GET_ORDER_ITEMS);
        assertThat(pace.elapsed()).isEqualTo(Duration.ofSeconds(2));
    }
}
