package com.crossdock.portal.returns;

import java.time.Instant;
import java.util.UUID;

/**
 * One RMA in the queue.
 *
 * @param expectedUnits units expected back
 * @param receivedUnits units the bench received
 * @param heldUnits     received units waiting for their disposition
 * @param updatedAt     the last change to it or its units
 * @param channel       the sales channel whose return it is ("Shopify", "Walmart"), blank for one made by hand
 */
public record RmaSummary(UUID id, String number, RmaStatus status, String source, String orderName,
        int expectedUnits, int receivedUnits, int heldUnits, String channelSignal, Instant createdAt,
        Instant updatedAt, String channel) {
}
