package com.crossdock.portal.channel.amazon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time source of the connector's limiter, token cache and retries: what time it is and how to wait. The
 * system pace sleeps for real; tests pass a fake one that moves its clock instead, so an import that would take
 * a quarter of an hour at Amazon's rates runs in milliseconds.
 */
public interface Pace {

    Instant now();

    /** Waits {@code duration}; an interrupted wait ends at once with the thread's interrupt flag set again. */
    void sleep(Duration duration);

    /** The real clock and real sleeping. */
    static Pace system(Clock clock) {
        return new Pace() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void sleep(Duration duration) {
                if (duration.isNegative() || duration.isZero()) {
                    return;
                }
                try {
                    Thread.sleep(duration);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SpApiException("interrupted while waiting for Amazon's rate limit", e);
                }
            }
        };
    }
}
