package com.crossdock.portal.api;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.util.UUID;

/**
 * A token bucket per API client, kept in the database so the limit holds across every portal instance: {@code limit}
 * calls, refilled evenly over a minute. Each call is one atomic upsert ({@link ApiClientService#takeToken}) that
 * refills the bucket from the time of the last call and takes a token when there is one.
 */
final class RateLimits {

    /** What a call was told: whether it may go on, what is left, and when to come back (seconds). */
    record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {
    }

    private final int limit;
    private final Clock clock;
    private final ApiClientService clients;

    RateLimits(int limit, Clock clock, ApiClientService clients) {
        if (limit < 1) {
            throw new IllegalArgumentException("crossdock.api.requests-per-minute must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.clock = clock;
        this.clients = clients;
    }

    Decision take(TenantId tenant, UUID client) {
        ApiClientService.Bucket bucket = clients.takeToken(tenant, client, limit, clock.instant());
        if (bucket.allowed()) {
            return new Decision(true, limit, (int) Math.floor(bucket.tokens()), 0);
        }
        double perSecond = limit / 60.0;
        long wait = (long) Math.ceil((1 - bucket.tokens()) / perSecond);
        return new Decision(false, limit, 0, Math.max(1, wait));
    }
}
