package com.crossdock.portal.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A webhook subscription as the Webhooks view lists it (never its secret).
 *
 * @param active              false once disabled after failing too often (or by hand)
 * @param consecutiveFailures failed attempts in a row
 * @param disabledReason      why it was disabled, or {@code null} while active
 * @param inventoryMinUnits   an {@code inventory.changed} is sent for a move of at least this many available units
 * @param inventoryMinPercent ... or of at least this percentage of what was available before
 */
public record SubscriptionView(UUID id, String url, List<String> events, boolean active, int consecutiveFailures,
        @Nullable String disabledReason, String createdBy, Instant createdAt, int inventoryMinUnits,
        int inventoryMinPercent) {

    public SubscriptionView {
        events = List.copyOf(events);
    }
}
