package com.crossdock.portal.receiving;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new inbound shipment as a person enters it.
 *
 * @param reference  the brand's reference, unique for the brand; 1 to 22 letters, digits, '.', '_' or '-' (it is
 *                   the depositor order number of the 943 and comes back in the warehouse's 944)
 * @param carrier    who brings it (free text, may be empty)
 * @param expectedOn when it should arrive at the warehouse
 * @param lines      one per SKU and lot of the brand's catalog, with the units sent
 */
public record InboundShipmentCommand(@Nullable String reference, @Nullable String carrier,
        @Nullable LocalDate expectedOn, @Nullable List<Line> lines) {

    /**
     * Units of one lot of a catalog SKU.
     *
     * @param lot      the supplier's lot (batch) number; required when the item is lot tracked, else empty
     * @param expiryOn the lot's expiry; required when the item is expiry tracked, else empty
     */
    public record Line(@Nullable String sku, int quantity, @Nullable String lot, @Nullable LocalDate expiryOn) {

        /** Units of an item that tracks neither lot nor expiry. */
        public Line(@Nullable String sku, int quantity) {
            this(sku, quantity, null, null);
        }
    }
}
