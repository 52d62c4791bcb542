package com.crossdock.portal.receiving;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One receiving discrepancy of a shipment.
 *
 * @param expected units announced for the SKU (0 for an unexpected SKU)
 * @param received units received; for {@link DiscrepancyKind#DAMAGED} the damaged units
 * @param note       the root cause given when it was resolved, else empty
 * @param resolution how it was settled, once resolved
 * @param resolvedBy who resolved it
 * @param resolvedAt when
 * @param detail     what the warehouse recorded beyond the numbers (for a {@link DiscrepancyKind#LOT}: the lots
 *                   announced and the lot received), else empty
 */
public record ReceivingDiscrepancyView(UUID id, String sku, DiscrepancyKind kind, int expected, int received,
        Instant recordedAt, boolean resolved, String note, @Nullable DiscrepancyResolution resolution,
        @Nullable String resolvedBy, @Nullable Instant resolvedAt, String detail) {
}
