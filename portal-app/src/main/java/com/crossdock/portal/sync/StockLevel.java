package com.crossdock.portal.sync;

import java.time.Instant;

/**
 * The warehouse's last word on one master SKU.
 *
 * @param onHand    units in the building
 * @param available units free to sell
 * @param asOf      when the warehouse reported it
 */
public record StockLevel(String sku, int onHand, int available, Instant asOf) {
}
