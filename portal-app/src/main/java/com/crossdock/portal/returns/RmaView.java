package com.crossdock.portal.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An RMA with its expected lines and the units received.
 *
 * @param source          {@code CHANNEL} or {@code MANUAL}
 * @param channelSignal   {@code NONE} (nothing to tell a store), {@code WAITING} (until every unit is decided),
 *                        {@code QUEUED} (the returns write-back will post the refund) or {@code TOLD}
 * @param channelRefund   the store's id of the refund once told
 * @param receiptComplete whether the bench said nothing more will come
 * @param updatedAt       the last change to it or its units
 */
public record RmaView(UUID id, String number, RmaStatus status, String source, String orderName, String note,
        String channelSignal, String channelRefund, boolean receiptComplete, Instant createdAt, Instant updatedAt,
        List<Line> lines, List<Unit> units) {

    public RmaView {
        lines = List.copyOf(lines);
        units = List.copyOf(units);
    }

    /** Units of one SKU expected back, and how many arrived. */
    public record Line(String sku, int expected, int received, String reason) {
    }

    /**
     * A returned unit.
     *
     * @param rule the tenant rule that decided or held it, or blank
     */
    public record Unit(UUID id, String sku, UnitCondition condition, Instant receivedAt,
            @Nullable Disposition disposition, String rule, String note) {

        public boolean held() {
            return disposition == null;
        }
    }

    public int expectedUnits() {
        return lines.stream().mapToInt(Line::expected).sum();
    }

    public long heldUnits() {
        return units.stream().filter(Unit::held).count();
    }
}
