package com.crossdock.portal.receiving;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

    /** Units of one master SKU on their way. */
    public record Line(String sku, int quantity) {
    }
}
