package com.crossdock.portal.returns;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An RMA entered by hand (a buyer who wrote to the brand, a marketplace without a connector).
 *
 * @param orderName the order it returns, as the portal knows it (e.g. {@code #1001}); blank for none
 * @param note      what the brand knows of it
 * @param lines     the units expected, with the buyer's reason
 */
public record RmaCommand(@Nullable String orderName, @Nullable String note, @Nullable List<Line> lines) {

    /** Units of one SKU expected back. */
    public record Line(@Nullable String sku, int quantity, @Nullable String reason) {
    }
}
