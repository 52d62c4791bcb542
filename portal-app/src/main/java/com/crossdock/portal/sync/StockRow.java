package com.crossdock.portal.sync;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One listing of a channel beside the warehouse's stock: what the store can sell of it now, what the store was
 * last told, and the drift between the two (a push that has not happened yet, or failed).
 *
 * @param connectionName the store
 * @param channelSku     the SKU the store lists
 * @param sellable       what the warehouse's available units allow now (a bundle: its scarcest component)
 * @param pushed         what the store was last told, or {@code null} when never
 * @param pushedAt       when, or {@code null}
 * @param warehouseAsOf  when the warehouse last reported the stock behind it
 */
public record StockRow(String connectionName, String channelSku, int sellable, @Nullable Integer pushed,
        @Nullable Instant pushedAt, Instant warehouseAsOf) {

    /** The store's quantity less what it should be: positive when it oversells. */
    public int drift() {
        return pushed == null ? -sellable : pushed - sellable;
    }
}
