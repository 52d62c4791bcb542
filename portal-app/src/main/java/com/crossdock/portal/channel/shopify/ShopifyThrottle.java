package com.crossdock.portal.channel.shopify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Shopify's leaky bucket for one app on one shop, as the last {@code extensions.cost} reported it. Before a query
 * it says how long to wait until the bucket holds that query's cost again, so Crossdock waits instead of being
 * throttled. Thread-safe.
 */
final class ShopifyThrottle {

    private final Clock clock;
    // the cost Shopify asked for the last time each query ran: the best estimate of its next cost
    private final Map<String, Double> requestedCost = new HashMap<>();
    private @Nullable Bucket bucket;

    ShopifyThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Remembers a response's {@code extensions.cost} (absent on some responses, then nothing changes).
     *
     * @param costKey names the query and whatever changes its cost (e.g. the page size)
     */
    synchronized void record(String costKey, JsonNode cost) {
        JsonNode requested = cost.path("requestedQueryCost");
        if (requested.isNumber()) {
            requestedCost.put(costKey, requested.doubleValue());
        }
        JsonNode status = cost.path("throttleStatus");
        JsonNode available = status.path("currentlyAvailable");
        JsonNode maximum = status.path("maximumAvailable");
        JsonNode restoreRate = status.path("restoreRate");
        if (available.isNumber() && maximum.isNumber() && restoreRate.isNumber()) {
            bucket = new Bucket(available.doubleValue(), maximum.doubleValue(), restoreRate.doubleValue(),
                    clock.instant());
        }
    }

    /** How long to wait before running the query {@code costKey}; zero when it is unknown or affordable now. */
    synchronized Duration waitBefore(String costKey) {
        Double cost = requestedCost.get(costKey);
        Bucket last = bucket;
        if (cost == null || last == null || last.restoreRate() <= 0) {
            return Duration.ZERO;
        }
        // a query costing more than the bucket holds can never wait long enough; Shopify refuses it outright
        double needed = Math.min(cost, last.maximum());
        double available = last.availableAt(clock.instant());
        if (available >= needed) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil((needed - available) / last.restoreRate() * 1000));
    }

    private record Bucket(double available, double maximum, double restoreRate, Instant at) {

        double availableAt(Instant now) {
            double seconds = Math.max(0, Duration.between(at, now).toNanos() / 1e9);
            return Math.min(maximum, available + restoreRate * seconds);
        }
    }
}
