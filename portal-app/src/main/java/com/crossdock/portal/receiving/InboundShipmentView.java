package com.crossdock.portal.receiving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An inbound shipment with its lines and discrepancies, as people see it.
 *
 * @param ready true once the brand marked it ready to send; the next warehouse exchange sends its 943
 */
public record InboundShipmentView(UUID id, String reference, String carrier, LocalDate expectedOn,
        InboundStatus status, boolean ready, Instant createdAt, List<Line> lines,
        List<ReceivingDiscrepancyView> discrepancies) {

    public InboundShipmentView {
        lines = List.copyOf(lines);
        discrepancies = List.copyOf(discrepancies);
    }

    /**
     * One SKU and lot of the shipment: units announced, units the warehouse received, of which damaged.
     *
     * @param lot      empty when the item is not lot tracked
     * @param expiryOn null when the item is not expiry tracked
     */
    public record Line(String sku, String lot, @Nullable LocalDate expiryOn, int expected, int received,
            int damaged) {
    }

    /** Units announced over all lines. */
    public int expectedUnits() {
        return lines.stream().mapToInt(Line::expected).sum();
    }

    /** Units received over all lines (damaged ones included). */
    public int receivedUnits() {
        return lines.stream().mapToInt(Line::received).sum();
    }

    /** Discrepancies nobody has resolved yet. */
    public long openDiscrepancies() {
        return discrepancies.stream().filter(d -> !d.resolved()).count();
    }
}
