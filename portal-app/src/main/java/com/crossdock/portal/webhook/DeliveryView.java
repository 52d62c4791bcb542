package com.crossdock.portal.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event sent (or to be sent) to one subscription, with each attempt.
 *
 * @param status PENDING (waiting for its next attempt), DELIVERED, or FAILED (given up; redeliver by hand)
 */
public record DeliveryView(UUID id, UUID eventId, String eventType, String status, int attempts,
        @Nullable Integer lastStatus, @Nullable String lastError, Instant createdAt, Instant nextAttemptAt,
        @Nullable Instant deliveredAt, List<Attempt> log) {

    public DeliveryView {
        log = List.copyOf(log);
    }

    /** One try: the receiver's HTTP status, or the error when there was no answer. */
    public record Attempt(Instant at, @Nullable Integer statusCode, @Nullable String error, long millis) {
    }
}
