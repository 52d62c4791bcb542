package com.crossdock.portal.receiving;

import java.time.Instant;
import java.util.UUID;

/**
 * One receiving discrepancy of a shipment.
 *
 * @param expected units announced for the SKU (0 for an unexpected SKU)
 * @param received units received; for {@link DiscrepancyKind#DAMAGED} the damaged units
 * @param note     the root cause given when it was resolved, else empty
 */
public record ReceivingDiscrepancyView(UUID id, String sku, DiscrepancyKind kind, int expected, int received,
        Instant recordedAt, boolean resolved, String note) {
}
