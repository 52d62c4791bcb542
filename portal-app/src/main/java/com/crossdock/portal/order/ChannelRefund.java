package com.crossdock.portal.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A refund the channel reports for an order, in Crossdock's shape: which lines, how many units, whether the units go
 * back into stock, and how much money went back. Connectors build it; nothing past them sees the channel's payload.
 *
 * @param channelRefundId the channel's id of the refund
 * @param channelOrderId  the channel's id of the order it belongs to
 * @param createdAt       when the refund was made
 * @param lines           the refunded lines (empty for a refund of money only, e.g. shipping)
 * @param amount          the money refunded, or {@code null} when the channel did not say
 * @param currency        ISO 4217 code of the amount, or {@code null} with it
 * @param note            the merchant's note, or empty
 */
public record ChannelRefund(
        String channelRefundId,
        String channelOrderId,
        Instant createdAt,
        List<Line> lines,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        String note) {

    public ChannelRefund {
        Objects.requireNonNull(channelRefundId, "channelRefundId");
        Objects.requireNonNull(channelOrderId, "channelOrderId");
        Objects.requireNonNull(createdAt, "createdAt");
        lines = List.copyOf(lines);
        note = note == null ? "" : note;
    }

    /** Whether any unit of this refund goes back into stock (so the warehouse should expect it). */
    public boolean restocks() {
        return lines.stream().anyMatch(Line::restock);
    }

    /**
     * Units of one order line refunded.
     *
     * @param channelLineId the channel's id of the order line
     * @param sku           the SKU as the channel knows it
     * @param quantity      units refunded
     * @param restock       whether the units return to stock (Shopify {@code restock_type} {@code return} or
     *                      {@code cancel}), not only money
     */
    public record Line(String channelLineId, String sku, int quantity, boolean restock) {
    }
}
