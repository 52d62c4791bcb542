package com.crossdock.portal.channel.walmart;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.channel.amazon.FakePace;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Walmart's throttling as its headers say it, on a fake clock. */
class WalmartLimiterTest {

    private final FakePace pace = new FakePace(Instant.parse("2026-11-27T12:00:00Z"));
    private final WalmartLimiter limiter = new WalmartLimiter(pace);

    private Optional<String> at(Duration fromNow) {
        return Optional.of(String.valueOf(pace.now().plus(fromNow).toEpochMilli()));
    }

    @Test
    void callsLeftGoAtOnceNoneLeftWaitsForTheReplenishTime() {
        limiter.observe(WalmartOperation.GET_ALL_ORDERS, Optional.of("3"), at(Duration.ofSeconds(20)));
        limiter.acquire(WalmartOperation.GET_ALL_ORDERS);
        assertThat(pace.elapsed()).isZero();
        limiter.observe(WalmartOperation.GET_ALL_ORDERS, Optional.of("0"), at(Duration.ofSeconds(20)));
        limiter.acquire(WalmartOperation.SHIP);
        assertThat(pace.elapsed()).as("another operation has its own allowance").isZero();
        limiter.acquire(WalmartOperation.GET_ALL_ORDERS);
        assertThat(pace.elapsed()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void a429WaitsForTheReplenishTimeOrAGrowingSecond() {
        limiter.throttled(WalmartOperation.ACKNOWLEDGE, at(Duration.ofSeconds(5)));
        limiter.acquire(WalmartOperation.ACKNOWLEDGE);
        assertThat(pace.elapsed()).isEqualTo(Duration.ofSeconds(5));
        limiter.throttled(WalmartOperation.ACKNOWLEDGE, Optional.empty());
        limiter.acquire(WalmartOperation.ACKNOWLEDGE);
        assertThat(pace.elapsed()).as("the second 429 in a row waits two seconds").isEqualTo(Duration.ofSeconds(7));
        limiter.observe(WalmartOperation.ACKNOWLEDGE, Optional.of("10"), Optional.empty());
        limiter.throttled(WalmartOperation.ACKNOWLEDGE, Optional.of("not a time"));
        limiter.acquire(WalmartOperation.ACKNOWLEDGE);
        assertThat(pace.elapsed()).as("an answer in between starts the count again").isEqualTo(Duration.ofSeconds(8));
    }
}
