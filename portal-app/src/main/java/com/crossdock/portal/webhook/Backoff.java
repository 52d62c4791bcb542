package com.crossdock.portal.webhook;

import java.time.Duration;

/** How long a failed delivery waits: the first wait, doubled with each further failure, up to the longest. */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int failedAttempts, WebhookProperties properties) {
        Duration wait = properties.firstRetryAfter();
        for (int i = 1; i < failedAttempts && wait.compareTo(properties.maxRetryAfter()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : wait;
    }
}
