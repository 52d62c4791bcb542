package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.catalog.Sku;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One order line of a channel as the catalog sees it: asked with the channel's SKU and variant id, answered with
 * the master SKUs they name and, when exactly one, what the warehouse picks (a virtual bundle exploded).
 *
 * @param masters the master SKUs the line names: none (unknown), one, or several (an alias collision)
 * @param picks   SKU → eaches to pick; empty unless exactly one master SKU matched
 */
public record ChannelLine(String sku, @Nullable String variantId, long quantity, List<String> masters,
        Map<Sku, Long> picks) {

    public ChannelLine {
        masters = List.copyOf(masters);
        picks = Map.copyOf(picks);
    }

    /** A line to resolve. */
    public static ChannelLine ask(String sku, @Nullable String variantId, long quantity) {
        return new ChannelLine(sku, variantId, quantity, List.of(), Map.of());
    }

    /** Whether a virtual bundle was exploded: the picks are not the master SKU itself. */
    public boolean exploded() {
        return masters.size() == 1 && !(picks.size() == 1 && picks.containsKey(Sku.of(masters.getFirst())));
    }
}
