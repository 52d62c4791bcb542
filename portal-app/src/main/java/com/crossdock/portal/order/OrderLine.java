package com.crossdock.portal.order;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a {@link CanonicalOrder}.
 *
 * @param channelLineId       the channel's id of the line, unique within the order
 * @param sku                 the SKU exactly as the channel gave it; blank when the channel had none, which the
 *                            catalog's alias rules resolve (or hold the order for)
 * @param channelVariantId    the channel's id of the product variant, or {@code null} for a custom line
 * @param title               the product title shown to the buyer; blank when the channel gave none
 * @param quantity            units ordered
 * @param fulfillableQuantity units still to ship: ordered units less those shipped, refunded or removed
 */
public record OrderLine(
        String channelLineId,
        String sku,
        @Nullable String channelVariantId,
        String title,
        int quantity,
        int fulfillableQuantity) {

    public OrderLine {
        Objects.requireNonNull(channelLineId, "channelLineId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(title, "title");
        if (channelLineId.isBlank()) {
            throw new IllegalArgumentException("a line needs the channel's line id");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative, was " + quantity);
        }
        if (fulfillableQuantity < 0 || fulfillableQuantity > quantity) {
            throw new IllegalArgumentException(
                    "fulfillable quantity must be between 0 and " + quantity + ", was " + fulfillableQuantity);
        }
    }
}
