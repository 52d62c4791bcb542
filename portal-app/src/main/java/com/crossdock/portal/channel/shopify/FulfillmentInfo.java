package com.crossdock.portal.channel.shopify;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A fulfillment an order already has, as {@link ShopifyAdminClient#fulfillmentsOf} reads it; enough to tell whether
 * a shipment whose {@code fulfillmentCreate} ended with an unknown outcome was in fact recorded.
 *
 * @param id              the fulfillment's GID
 * @param status          Shopify's status ({@code SUCCESS}, {@code CANCELLED}, {@code ERROR}, {@code FAILURE},
 *                        {@code OPEN}, {@code PENDING})
 * @param trackingNumbers its tracking numbers, possibly none
 */
public record FulfillmentInfo(String id, String status, List<String> trackingNumbers) {

    public FulfillmentInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        trackingNumbers = List.copyOf(trackingNumbers);
    }

    /**
     * Whether this fulfillment carries every one of {@code numbers} and is not cancelled: the shipment that was sent
     * with them. An empty {@code numbers} matches nothing, since a shipment without tracking cannot be told apart.
     */
    public boolean carries(Collection<String> numbers) {
        return !numbers.isEmpty() && !status.equals("CANCELLED") && trackingNumbers.containsAll(numbers);
    }
}
