package com.crossdock.portal.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the warehouse shipped for one order in one go (a 945, or the sandbox warehouse): its reference, carrier and
 * tracking numbers, and the units of each master SKU. A split shipment is several notices with their own references.
 *
 * @param warehouseRef    the warehouse's reference of this shipment, unique per order (a second notice with the same
 *                        reference is the same shipment reported again)
 * @param carrier         the carrier (e.g. {@code UPS}), or {@code null}
 * @param service         the carrier's service (e.g. {@code Ground}), or {@code null}
 * @param trackingNumbers one per carton, possibly none
 * @param shippedAt       when it left the dock
 * @param lines           master SKUs and units, never empty
 */
public record ShipmentNotice(String warehouseRef, @Nullable String carrier, @Nullable String service,
        List<String> trackingNumbers, Instant shippedAt, List<Line> lines) {

    public ShipmentNotice {
        Objects.requireNonNull(warehouseRef, "warehouseRef");
        Objects.requireNonNull(shippedAt, "shippedAt");
        trackingNumbers = List.copyOf(trackingNumbers);
        lines = List.copyOf(lines);
        if (warehouseRef.isBlank()) {
            throw new IllegalArgumentException("a shipment needs the warehouse's reference");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a shipment needs at least one line");
        }
    }

    /** Units of one master SKU in the shipment. */
    public record Line(String masterSku, int quantity) {

        public Line {
            Objects.requireNonNull(masterSku, "masterSku");
            if (quantity < 1) {
                throw new IllegalArgumentException("a shipped quantity must be at least 1, was " + quantity);
            }
        }
    }
}
