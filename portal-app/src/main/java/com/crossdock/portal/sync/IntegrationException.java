package com.crossdock.portal.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A record that could not move, kept with its raw payload until someone retries or resolves it. Repeats of the same
 * problem are one exception with a count.
 */
public record IntegrationException(UUID id, String flow, String reasonCode, String subject, String message,
        String rawPayload, Instant firstSeen, Instant lastSeen, int occurrences, String status,
        @org.jspecify.annotations.Nullable String owner, @org.jspecify.annotations.Nullable Instant resolvedAt) {

    /** When it last changed: seen again, or resolved. */
    public Instant changedAt() {
        return resolvedAt != null && resolvedAt.isAfter(lastSeen) ? resolvedAt : lastSeen;
    }
}
