package com.crossdock.portal.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as lists show it, with why it is held. */
public record OrderSummary(UUID id, String orderName, String channelOrderId, OrderStatus status,
        List<String> holdReasons, Instant channelUpdatedAt, int lines) {

    public OrderSummary {
        holdReasons = List.copyOf(holdReasons);
    }
}
