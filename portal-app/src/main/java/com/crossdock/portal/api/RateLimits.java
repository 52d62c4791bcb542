package com.crossdock.portal.api;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API client in this portal's memory: {@code limit} calls, refilled evenly over a minute. Each
 * instance of a cluster counts for itself, so the limit is per instance.
 */
final class RateLimits {

    /** What a call was told: whether it may go on, what is left, and when to come back (seconds). */
    record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {
    }

    private final int limit;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("crossdock.api.requests-per-minute must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.clock = clock;
    }

    Decision take(UUID client) {
        return buckets.computeIfAbsent(client, id -> new Bucket(limit, clock.millis())).take(limit, clock.millis());
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Decision take(int limit, long now) {
            double perMilli = limit / 60_000.0;
            tokens = Math.min(limit, tokens + Math.max(0, now - refilledAt) * perMilli);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, limit, (int) Math.floor(tokens), 0);
            }
            long wait = (long) Math.ceil((1 - tokens) / perMilli / 1000.0);
            return new Decision(false, limit, 0, Math.max(1, wait));
        }
    }
}
