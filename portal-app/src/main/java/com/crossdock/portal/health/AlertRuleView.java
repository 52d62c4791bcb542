package com.crossdock.portal.health;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An alert rule as the alerts section lists it. */
public record AlertRuleView(UUID id, AlertKind kind, int threshold, @Nullable String email,
        @Nullable String webhookUrl, int quietMinutes, boolean enabled, String createdBy, Instant createdAt) {

    /** The rule as a sentence, e.g. "Lag over 30 minutes". */
    public String describe() {
        return switch (kind) {
            case LAG -> "Lag over " + threshold + " minutes";
            case ERROR_RATE -> "Error rate over " + threshold + "%";
            case DRIFT -> "Drift over " + threshold + " units";
            case EXCEPTION_AGE -> "Exceptions open longer than " + threshold + " minutes";
        };
    }
}
