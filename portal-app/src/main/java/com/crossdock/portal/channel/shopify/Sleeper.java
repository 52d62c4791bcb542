package com.crossdock.portal.channel.shopify;

import java.time.Duration;

/** Waits; injected so that tests check the waits instead of sitting through them. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** Really sleeps. */
    static Sleeper system() {
        return Thread::sleep;
    }
}
