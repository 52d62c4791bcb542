package com.crossdock.portal.channel.amazon;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A selling partner's Login with Amazon access token: exchanged for the refresh token when first needed, kept
 * until a minute before it expires, and exchanged again once for all callers waiting at that moment (never a storm
 * of exchanges). A call Amazon refused as unauthorised hands its token back through {@link #rejected}, which
 * exchanges it once however many calls bring the same stale token. Thread-safe.
 */
public final class LwaTokens {

    /** A token is renewed this long before Amazon says it expires, so no call carries one that expires on the way. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    /** The exchange of the refresh token at Amazon's token endpoint. */
    @FunctionalInterface
    public interface Exchange {
        AccessToken exchange();
    }

    /** An access token and how long Amazon said it lives. */
    public record AccessToken(String value, Duration expiresIn) {

        @Override
        public String toString() {
            return "AccessToken[" + (value.length() > 8 ? value.substring(0, 5) + "…" : "…") + ", " + expiresIn + "]";
        }
    }

    private final Exchange exchange;
    private final Pace pace;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable Cached cached;

    public LwaTokens(Exchange exchange, Pace pace) {
        this.exchange = exchange;
        this.pace = pace;
    }

    private record Cached(String value, Instant renewAt) {
    }

    /** A valid access token: the kept one, or a new one if it is missing or about to expire. */
    public String token() {
        Cached current = cached;
        if (current != null && pace.now().isBefore(current.renewAt())) {
            return current.value();
        }
        lock.lock();
        try {
            current = cached;
            if (current != null && pace.now().isBefore(current.renewAt())) {
                return current.value();
            }
            return renew();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Amazon refused {@code token} as unauthorised or expired: the token after it. The first caller bringing that
     * token exchanges a new one; everyone else bringing it gets the new one without another exchange.
     */
    public String rejected(String token) {
        lock.lock();
        try {
            Cached current = cached;
            if (current != null && !current.value().equals(token) && pace.now().isBefore(current.renewAt())) {
                return current.value();
            }
            return renew();
        } finally {
            lock.unlock();
        }
    }

    private String renew() {
        AccessToken fresh = exchange.exchange();
        Duration lifetime = fresh.expiresIn().compareTo(MARGIN.multipliedBy(2)) > 0
                ? fresh.expiresIn().minus(MARGIN) : fresh.expiresIn().dividedBy(2);
        cached = new Cached(fresh.value(), pace.now().plus(lifetime));
        return fresh.value();
    }
}
