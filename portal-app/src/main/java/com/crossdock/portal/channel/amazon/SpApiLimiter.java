package com.crossdock.portal.channel.amazon;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One token bucket per SP-API operation for one selling partner, at the published rates: a call takes a token,
 * and waits (through the {@link Pace}) until one is restored when the bucket is empty. A rate Amazon reports in
 * {@code x-amzn-RateLimit-Limit} replaces the published one; a 429 empties the bucket so the next call waits a full
 * restore interval. Waiting callers queue: each reserves its token before it sleeps, so they never race each other.
 * Thread-safe.
 */
public final class SpApiLimiter {

    private final Pace pace;
    private final Map<SpApiOperation, Bucket> buckets = new EnumMap<>(SpApiOperation.class);

    public SpApiLimiter(Pace pace) {
        this.pace = pace;
        Instant now = pace.now();
        for (SpApiOperation operation : SpApiOperation.values()) {
            buckets.put(operation, new Bucket(operation.rate(), operation.burst(), now));
        }
    }

    /** Takes a token of the operation's bucket, waiting as long as it takes to be restored. */
    public void acquire(SpApiOperation operation) {
        Duration wait;
        Bucket bucket = buckets.get(operation);
        synchronized (bucket) {
            wait = bucket.reserve(pace.now());
        }
        pace.sleep(wait);
    }

    /** Uses the rate Amazon reported for this selling partner and operation ({@code x-amzn-RateLimit-Limit}). */
    public void observeRate(SpApiOperation operation, double requestsPerSecond) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            return;
        }
        Bucket bucket = buckets.get(operation);
        synchronized (bucket) {
            bucket.rate(requestsPerSecond, pace.now());
        }
    }

    /** Amazon answered 429: its bucket is empty whatever ours says, so ours is emptied too. */
    public void throttled(SpApiOperation operation) {
        Bucket bucket = buckets.get(operation);
        synchronized (bucket) {
            bucket.empty(pace.now());
        }
    }

    /** The rate the operation's bucket restores now, per second. */
    public double rate(SpApiOperation operation) {
        Bucket bucket = buckets.get(operation);
        synchronized (bucket) {
            return bucket.rate;
        }
    }

    private static final class Bucket {

        private double rate;
        private final double burst;
        // may go below zero: the tokens callers already waiting have reserved
        private double tokens;
        private Instant at;

        Bucket(double rate, double burst, Instant now) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
            this.at = now;
        }

        Duration reserve(Instant now) {
            refill(now);
            tokens -= 1;
            if (tokens >= 0) {
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil(-tokens / rate * 1e9));
        }

        void rate(double newRate, Instant now) {
            refill(now);
            rate = newRate;
        }

        void empty(Instant now) {
            refill(now);
            tokens = Math.min(tokens, 0);
        }

        private void refill(Instant now) {
            if (now.isAfter(at)) {
                tokens = Math.min(burst, tokens + rate * Duration.between(at, now).toNanos() / 1e9);
                at = now;
            }
        }
    }
}
