package com.crossdock.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aClientMayMakeItsLimitAtOnceThenWaitsForTheBucketToRefill() {
        RateLimits limits = new RateLimits(60, clock);
        UUID client = UUID.randomUUID();
        for (int i = 59; i >= 0; i--) {
            RateLimits.Decision decision = limits.take(client);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(i);
        }
        RateLimits.Decision refused = limits.take(client);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("one call a second refills").isEqualTo(1);

        now = now.plus(Duration.ofSeconds(1));
        assertThat(limits.take(client).allowed()).isTrue();
        assertThat(limits.take(client).allowed()).isFalse();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimits limits = new RateLimits(1, clock);
        UUID busy = UUID.randomUUID();
        assertThat(limits.take(busy).allowed()).isTrue();
        assertThat(limits.take(busy).allowed()).isFalse();
        assertThat(limits.take(busy).retryAfterSeconds()).isEqualTo(60);
        assertThat(limits.take(UUID.randomUUID()).allowed()).isTrue();
    }

    @Test
    void aLimitBelowOneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new RateLimits(0, clock)).hasMessageContaining("requests-per-minute");
    }
}
