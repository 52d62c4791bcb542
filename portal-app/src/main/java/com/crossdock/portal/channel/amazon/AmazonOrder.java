package com.crossdock.portal.channel.amazon;

import com.crossdock.portal.order.CanonicalOrder;
import java.time.Instant;

/** An Amazon order as the connector reads it: one for the warehouse, or one that is not the warehouse's. */
public sealed interface AmazonOrder {

    String amazonOrderId();

    Instant updatedAt();

    /** A merchant-fulfilled (MFN) order: the 3PL ships it. */
    record ForWarehouse(CanonicalOrder order) implements AmazonOrder {

        @Override
        public String amazonOrderId() {
            return order.channelOrderId();
        }

        @Override
        public Instant updatedAt() {
            return order.updatedAt();
        }
    }

    /** An order the warehouse must not ship (fulfilled by Amazon, or not paid yet), with the reason. */
    record Ignored(String amazonOrderId, Instant updatedAt, String reason) implements AmazonOrder {
    }
}
