package com.crossdock.portal.sync;

import com.crossdock.portal.order.Address;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order a brand enters itself (a B2B or manual order, through the API): it is kept in the channel inbox and
 * processed by the same order pipeline as a channel's orders.
 *
 * @param reference      the brand's order number, unique for the brand; 1 to 40 letters, digits, '.', '_', '-', '#'
 * @param connectionId   the channel connection the order is booked under; {@code null} for the brand's first one
 * @param email          the buyer's e-mail address, if any
 * @param shippingMethod the shipping method as the brand names it, if any
 * @param shipTo         where to ship
 * @param lines          catalog SKUs (items or bundles) with units
 */
public record ManualOrderCommand(@Nullable String reference, @Nullable UUID connectionId, @Nullable String email,
        @Nullable String shippingMethod, @Nullable Address shipTo, @Nullable List<Line> lines) {

    /** Units of one SKU. */
    public record Line(@Nullable String sku, int quantity) {
    }
}
