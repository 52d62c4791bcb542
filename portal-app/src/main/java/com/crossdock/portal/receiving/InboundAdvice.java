package com.crossdock.portal.receiving;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A shipment the brand marked ready, as the warehouse exchange announces it in a 943.
 *
 * @param reference the depositor order number (W06-02) the warehouse echoes in its 944
 */
public record InboundAdvice(UUID shipmentId, String reference, String carrier, LocalDate expectedOn,
        List<Line> lines) {

    public InboundAdvice {
        lines = List.copyOf(lines);
    }

    /** Units of one lot of a master SKU on their way ({@code lot} empty and {@code expiryOn} null when untracked). */
    public record Line(String sku, String lot, @Nullable LocalDate expiryOn, int quantity) {
    }
}
