package com.crossdock.portal.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as a client program follows it: status, why it is held, its warehouse lines, and when it last changed.
 *
 * @param version raised on every change of the order, for conditional requests
 */
public record OrderState(UUID id, UUID connectionId, String orderName, String channelOrderId, OrderStatus status,
        List<String> holdReasons, List<Line> lines, Instant createdAt, Instant updatedAt, long version) {

    public OrderState {
        holdReasons = List.copyOf(holdReasons);
        lines = List.copyOf(lines);
    }

    /**
     * One warehouse line.
     *
     * @param sku        the master SKU, or the ordered SKU when it is not resolved
     * @param resolved   whether the SKU is one of the catalog's items
     * @param fromBundle the bundle it was exploded from, if any
     */
    public record Line(String sku, boolean resolved, int quantity, @org.jspecify.annotations.Nullable String fromBundle) {
    }
}
