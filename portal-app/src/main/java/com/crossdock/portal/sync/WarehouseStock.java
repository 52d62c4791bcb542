package com.crossdock.portal.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The warehouse's available units per master SKU as last reported, and when the newest report came: what the
 * inventory push and the Stock view both work from.
 *
 * @param available master SKU → available units
 * @param asOf      the newest report's time, {@link Instant#EPOCH} when there is none
 */
record WarehouseStock(Map<String, Integer> available, Instant asOf) {

    /** Inside a tenant transaction: the tenant's positions. */
    static WarehouseStock read(JdbcClient jdbc) {
        Map<String, Integer> available = new HashMap<>();
        Instant newest = Instant.EPOCH;
        for (var row : jdbc.sql("SELECT master_sku, available, as_of FROM inventory_position")
                .query((rs, n) -> Map.entry(rs.getString(1), Map.entry(rs.getInt(2), rs.getTimestamp(3).toInstant())))
                .list()) {
            available.put(row.getKey(), row.getValue().getKey());
            newest = row.getValue().getValue().isAfter(newest) ? row.getValue().getValue() : newest;
        }
        return new WarehouseStock(Map.copyOf(available), newest);
    }

    boolean isEmpty() {
        return available.isEmpty();
    }
}
