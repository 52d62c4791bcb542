package com.crossdock.portal.sync;

import java.util.Objects;

/**
 * The warehouse's word on one master SKU's stock (an 846 line, or the sandbox warehouse).
 *
 * @param masterSku the item
 * @param onHand    units in the building
 * @param available units free to sell (on hand less allocated, damaged, on hold)
 */
public record InventoryPosition(String masterSku, int onHand, int available) {

    public InventoryPosition {
        Objects.requireNonNull(masterSku, "masterSku");
    }
}
