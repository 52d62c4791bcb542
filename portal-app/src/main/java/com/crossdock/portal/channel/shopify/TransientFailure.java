package com.crossdock.portal.channel.shopify;

import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** An attempt that failed in a way a later attempt may not: what the client's retry loop retries. */
final class TransientFailure extends Exception {

    private final boolean notApplied;
    private final @Nullable Duration requiredWait;

    private TransientFailure(String message, boolean notApplied, @Nullable Duration requiredWait,
            @Nullable Throwable cause) {
        super(message, cause);
        this.notApplied = notApplied;
        this.requiredWait = requiredWait;
    }

    /** HTTP 429: Shopify refused the request unread and says when to come back, if it does. */
    static TransientFailure rateLimited(@Nullable Duration retryAfter) {
        return new TransientFailure("HTTP 429 Too Many Requests", true, retryAfter, null);
    }

    /** GraphQL error THROTTLED: the bucket held less than the query costs; it ran nothing. */
    static TransientFailure throttled(@Nullable Duration untilAffordable) {
        return new TransientFailure("throttled: the query costs more than the bucket holds now", true,
                untilAffordable, null);
    }

    static TransientFailure serverError(int status) {
        return new TransientFailure("HTTP " + status + " from Shopify", false, null, null);
    }

    /** No connection was made, so nothing was sent. */
    static TransientFailure notConnected(IOException cause) {
        return new TransientFailure("could not connect: " + cause, true, null, cause);
    }

    /** Sent, but no answer came in time: Shopify may have run it. */
    static TransientFailure timedOut(IOException cause) {
        return new TransientFailure("no answer in time: " + cause, false, null, cause);
    }

    /** The connection broke; whether the request got through is unknown. */
    static TransientFailure broken(IOException cause) {
        return new TransientFailure("the connection failed: " + cause, false, null, cause);
    }

    /** Whether Shopify certainly did not run the request, so even a mutation that is unsafe to repeat may be sent. */
    boolean notApplied() {
        return notApplied;
    }

    /** How long Shopify asked to wait, if it said; otherwise the retry's backoff decides. */
    @Nullable Duration requiredWait() {
        return requiredWait;
    }
}
