package com.crossdock.portal.channel.amazon;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Pace} whose sleeping moves its own clock: hours of Amazon's rate limits pass in no time. */
public final class FakePace implements Pace {

    private final Instant start;
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong slept = new AtomicLong();

    public FakePace(Instant start) {
        this.start = start;
    }

    @Override
    public Instant now() {
        return start.plusNanos(nanos.get());
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isPositive()) {
            nanos.addAndGet(duration.toNanos());
            slept.incrementAndGet();
        }
    }

    /** Moves the clock without anyone sleeping. */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** How long has passed since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }
}
