package com.crossdock.portal.channel.walmart;

import com.crossdock.portal.channel.amazon.Pace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Walmart's throttling for one seller, as Walmart reports it: every answer says how many calls of that operation
 * are left ({@code x-current-token-count}) and when the allowance comes back ({@code x-next-replenish-time},
 * milliseconds since 1970). An operation with none left waits until then; a 429 waits until then too (or, without
 * the header, a second that doubles with each 429 in a row, up to a minute). Bulk inventory feeds are limited per
 * hour ({@link #FEEDS_PER_HOUR}): {@link #tryFeed} says whether one more may go now. Time comes from a {@link Pace},
 * so tests wait on a fake clock. Thread-safe.
 */
public final class WalmartLimiter {

    /** MP_INVENTORY feeds Walmart accepts per seller and hour (the published production limit). */
    public static final int FEEDS_PER_HOUR = 10;

    private static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private final Pace pace;
    private final Map<WalmartOperation, Instant> blockedUntil = new EnumMap<>(WalmartOperation.class);
    private final Map<WalmartOperation, Integer> throttledInARow = new EnumMap<>(WalmartOperation.class);
    private final Deque<Instant> feeds = new ArrayDeque<>();

    public WalmartLimiter(Pace pace) {
        this.pace = pace;
    }

    /** Waits while Walmart said the operation has no calls left. */
    public void acquire(WalmartOperation operation) {
        Instant until;
        synchronized (this) {
            until = blockedUntil.get(operation);
        }
        if (until != null) {
            Duration wait = Duration.between(pace.now(), until);
            if (!wait.isNegative() && !wait.isZero()) {
                pace.sleep(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
            }
        }
    }

    /** An answer's throttling headers: none left means the next call waits for the replenish time. */
    public synchronized void observe(WalmartOperation operation, Optional<String> tokensLeft,
            Optional<String> replenishAt) {
        throttledInARow.remove(operation);
        Optional<Instant> at = replenishAt.flatMap(WalmartLimiter::epochMillis);
        if (tokensLeft.map(String::strip).filter(left -> left.equals("0")).isPresent() && at.isPresent()) {
            blockedUntil.put(operation, at.get());
        } else {
            blockedUntil.remove(operation);
        }
    }

    /** Walmart answered 429: the operation waits for the replenish time, or a growing second without one. */
    public synchronized void throttled(WalmartOperation operation, Optional<String> replenishAt) {
        int inARow = throttledInARow.merge(operation, 1, Integer::sum);
        Instant now = pace.now();
        Instant until = replenishAt.flatMap(WalmartLimiter::epochMillis).filter(now::isBefore)
                .orElseGet(() -> now.plus(Duration.ofSeconds(1L << Math.min(inARow - 1, 6))));
        blockedUntil.put(operation, until);
    }

    /** Takes one of the hour's feed submissions if one is left; false when the hour's allowance is used up. */
    public synchronized boolean tryFeed() {
        Instant now = pace.now();
        while (!feeds.isEmpty() && !feeds.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
            feeds.removeFirst();
        }
        if (feeds.size() >= FEEDS_PER_HOUR) {
            return false;
        }
        feeds.addLast(now);
        return true;
    }

    private static Optional<Instant> epochMillis(String value) {
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
