package com.crossdock.portal.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * One thing a channel sells, as the catalog knows it: the channel's SKU and what one sale of it takes from the
 * warehouse (one item, or the components of a virtual bundle).
 *
 * @param channelSku the SKU the channel lists
 * @param perSale    master SKU → units one sale takes
 */
public record ChannelListing(String channelSku, Map<String, Long> perSale) {

    public ChannelListing {
        Objects.requireNonNull(channelSku, "channelSku");
        perSale = Map.copyOf(perSale);
    }

    /** How many can be sold from the available units per master SKU: the fewest complete sales (0 when unknown). */
    public int sellable(Map<String, Integer> available) {
        long fewest = Long.MAX_VALUE;
        for (var take : perSale.entrySet()) {
            Integer units = available.get(take.getKey());
            if (units == null) {
                return 0;
            }
            fewest = Math.min(fewest, Math.max(0, units) / take.getValue());
        }
        return perSale.isEmpty() ? 0 : (int) Math.min(fewest, Integer.MAX_VALUE);
    }
}
