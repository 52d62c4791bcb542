package com.crossdock.portal.health;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An alert in the history: what it said, when it was raised and last seen, how often, and what became of its
 * delivery ({@code SENT}, {@code QUIET} inside the rule's quiet period, {@code FAILED} or {@code PARTLY_SENT}).
 */
public record AlertView(UUID id, UUID ruleId, String subject, String detail, long measured, Instant raisedAt,
        Instant lastSeen, int occurrences, String delivery, String emailResult, String webhookResult,
        @Nullable Instant clearedAt) {
}
