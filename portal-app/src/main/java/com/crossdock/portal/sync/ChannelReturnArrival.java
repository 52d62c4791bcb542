package com.crossdock.portal.sync;

import com.crossdock.tenantconfig.catalog.AliasKind;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A refund or return the store reported, as kept in {@code channel_return}, handed to whoever authorises returns
 * (the {@code returns} feature) inside the same tenant transaction.
 *
 * @param channelReturnId the kept record's id
 * @param connectionId    the store's connection
 * @param orderId         the order it belongs to, or null when Crossdock never imported that order
 * @param orderName       the order's name, or the channel's order id when the order is unknown
 * @param channelOrderId  the channel's id of the order
 * @param kind            {@code RETURN} (the buyer sends units back) or {@code REFUND} (money back, maybe restock)
 * @param channelRef      the channel's id of the return or refund
 * @param status          the channel's status (REQUESTED, OPEN, CLOSED, DECLINED, CANCELED; SUCCESS for a refund)
 * @param lines           the units, each by the channel's order line
 * @param rawPayload      the webhook body (or the return as the channel's API gave it) as received, for an
 *                        exception to keep
 * @param channel         the channel's name for people: "Shopify", "Walmart"
 * @param skuAlias        the catalog alias a line's channel SKU is known by in this channel, as for its orders
 */
public record ChannelReturnArrival(UUID channelReturnId, UUID connectionId, @Nullable UUID orderId, String orderName,
        String channelOrderId, String kind, String channelRef, String status, List<Line> lines, String rawPayload,
        String channel, AliasKind skuAlias) {

    public ChannelReturnArrival {
        lines = List.copyOf(lines);
    }

    /**
     * Units of one order line.
     *
     * @param channelLineId the channel's id of the order line
     * @param channelSku    the SKU the channel named, or blank
     * @param quantity      units (as the channel said: may be zero, negative or absurd)
     * @param reason        the buyer's reason, or blank
     * @param restock       for a refund: whether the store restocks them
     */
    public record Line(String channelLineId, String channelSku, int quantity, String reason, boolean restock) {
    }
}
