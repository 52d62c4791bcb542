package com.crossdock.portal.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A return the buyer asked for or the merchant opened on the channel: the units the warehouse should expect back,
 * with the buyer's reasons. Receiving and RMAs build on it.
 *
 * @param channelReturnId the channel's id of the return
 * @param channelOrderId  the channel's id of the order
 * @param status          the channel's status of the return (Shopify: REQUESTED, OPEN, CLOSED, DECLINED, CANCELED)
 * @param updatedAt       when the channel last changed it
 * @param lines           the units to come back
 */
public record ChannelReturn(
        String channelReturnId,
        String channelOrderId,
        String status,
        Instant updatedAt,
        List<Line> lines) {

    public ChannelReturn {
        Objects.requireNonNull(channelReturnId, "channelReturnId");
        Objects.requireNonNull(channelOrderId, "channelOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = List.copyOf(lines);
    }

    /**
     * Units of one order line to come back.
     *
     * @param channelLineId the channel's id of the order line
     * @param sku           the SKU as the channel knows it (may be blank when the channel did not say)
     * @param quantity      units
     * @param reason        the buyer's reason in the channel's words (Shopify: SIZE_TOO_SMALL, DEFECTIVE, ...)
     */
    public record Line(String channelLineId, String sku, int quantity, String reason) {
    }
}
