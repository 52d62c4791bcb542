package com.crossdock.portal.channel.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shopify's leaky bucket of query cost for one app on one shop: a query may run when the bucket holds its requested
 * cost, which is taken before it runs; afterwards the difference to its actual cost is given back; the bucket refills
 * at its restore rate up to its maximum. Thread-safe.
 */
final class CostBucket {

    private final double maximum;
    private final double restoreRate;
    private final Clock clock;
    private double available;
    private Instant at;

    CostBucket(double maximum, double restoreRate, Clock clock) {
        if (maximum <= 0 || restoreRate <= 0) {
            throw new IllegalArgumentException("a cost bucket needs a positive size and restore rate");
        }
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.clock = clock;
        this.available = maximum;
        this.at = clock.instant();
    }

    /** Takes {@code cost} if the bucket holds it now; {@code false} (nothing taken) means the query is throttled. */
    synchronized boolean tryTake(double cost) {
        refill();
        if (available < cost) {
            return false;
        }
        available -= cost;
        return true;
    }

    /** Gives back what a query was charged beyond its actual cost. */
    synchronized void giveBack(double cost) {
        refill();
        available = Math.min(maximum, available + Math.max(0, cost));
    }

    /** The throttle status as Shopify reports it in {@code extensions.cost.throttleStatus}. */
    synchronized Status status() {
        refill();
        return new Status(maximum, Math.floor(available), restoreRate);
    }

    double maximum() {
        return maximum;
    }

    private void refill() {
        Instant now = clock.instant();
        double seconds = Math.max(0, Duration.between(at, now).toNanos() / 1e9);
        available = Math.min(maximum, available + seconds * restoreRate);
        at = now.isAfter(at) ? now : at;
    }

    /** {@code maximumAvailable}, {@code currentlyAvailable} (whole points, as Shopify sends), {@code restoreRate}. */
    record Status(double maximumAvailable, double currentlyAvailable, double restoreRate) {
    }
}
