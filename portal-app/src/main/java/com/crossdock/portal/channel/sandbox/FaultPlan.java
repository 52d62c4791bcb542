package com.crossdock.portal.channel.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults a sandbox shop injects into its Admin API answers, in this order: every answer waits {@code latency};
 * then the next {@code rateLimited} answers are HTTP 429 with {@code Retry-After}, the next {@code serverErrors}
 * answers HTTP 500, and the next {@code throttled} answers a GraphQL {@code THROTTLED} error. A faulty answer
 * changes nothing in the shop, so a retry is safe. Setting a plan replaces the faults still pending.
 *
 * @param rateLimited  how many answers are HTTP 429 Too Many Requests
 * @param retryAfter   the {@code Retry-After} those 429s ask for (whole or fractional seconds, as Shopify sends)
 * @param serverErrors how many answers are HTTP 500 Internal Server Error
 * @param throttled    how many answers are HTTP 200 with a {@code THROTTLED} error and no data
 * @param latency      how long every answer waits before it is sent (up to 30 s), to try timeouts
 */
public record FaultPlan(int rateLimited, Duration retryAfter, int serverErrors, int throttled, Duration latency) {

    private static final Duration MAX_LATENCY = Duration.ofSeconds(30);

    public FaultPlan {
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(latency, "latency");
        if (rateLimited < 0 || serverErrors < 0 || throttled < 0) {
            throw new IllegalArgumentException("fault counts must not be negative");
        }
        if (retryAfter.isNegative() || latency.isNegative() || latency.compareTo(MAX_LATENCY) > 0) {
            throw new IllegalArgumentException("Retry-After must not be negative and the latency 0 to 30 s");
        }
    }

    /** A shop that answers every call at once and correctly. */
    public static FaultPlan none() {
        return new FaultPlan(0, Duration.ofSeconds(1), 0, 0, Duration.ZERO);
    }

    /** This plan with the next {@code count} answers HTTP 429 asking to retry after {@code retryAfter}. */
    public FaultPlan withRateLimited(int count, Duration retryAfter) {
        return new FaultPlan(count, retryAfter, serverErrors, throttled, latency);
    }

    /** This plan with the next {@code count} answers (after any 429s) HTTP 500. */
    public FaultPlan withServerErrors(int count) {
        return new FaultPlan(rateLimited, retryAfter, count, throttled, latency);
    }

    /** This plan with the next {@code count} answers (after any 429s and 500s) a {@code THROTTLED} error. */
    public FaultPlan withThrottled(int count) {
        return new FaultPlan(rateLimited, retryAfter, serverErrors, count, latency);
    }

    /** This plan with every answer waiting {@code latency}. */
    public FaultPlan withLatency(Duration latency) {
        return new FaultPlan(rateLimited, retryAfter, serverErrors, throttled, latency);
    }

    /** Whether any fault is still to come. */
    public boolean pending() {
        return rateLimited > 0 || serverErrors > 0 || throttled > 0 || !latency.isZero();
    }
}
