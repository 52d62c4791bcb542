package com.crossdock.portal.events;

import java.time.Instant;
import java.util.List;

/**
 * The warehouse's available units that one stock report or adjustment changed, published inside its tenant
 * transaction like a {@link BrandEvent}. Each subscriber of {@link BrandEvent#INVENTORY_CHANGED} gets a delivery per
 * SKU whose move meets its own threshold.
 *
 * @param source where the numbers came from ({@code WMS 846}, {@code WMS 947}, {@code SANDBOX}, ...)
 * @param asOf   the time of the warehouse's count
 */
public record InventoryChanges(String source, Instant asOf, List<Change> changes) {

    public InventoryChanges {
        changes = List.copyOf(changes);
    }

    /**
     * One SKU whose available units moved.
     *
     * @param before available before (0 for a SKU the warehouse reports for the first time)
     * @param after  available now
     * @param onHand on hand now
     */
    public record Change(String sku, int before, int after, int onHand) {
    }
}
