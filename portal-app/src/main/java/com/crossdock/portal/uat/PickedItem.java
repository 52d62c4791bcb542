package com.crossdock.portal.uat;

import com.crossdock.tenantconfig.uat.ItemKind;
import java.util.Map;

/**
 * An item of the tenant's catalog a run picked for one of its scenario's roles, and why.
 *
 * @param role       the scenario's role name ({@code A}, {@code BUNDLE})
 * @param channelSku what the store sells it as
 * @param perSale    master SKU → units one sale takes (one item, or a bundle's components)
 * @param why        why it fits, in words
 */
public record PickedItem(String role, ItemKind kind, String channelSku, Map<String, Long> perSale, String why) {

    public PickedItem {
        perSale = Map.copyOf(perSale);
    }

    /** The master SKU of an item (the first component of a bundle). */
    public String masterSku() {
        return perSale.keySet().stream().sorted().findFirst().orElse(channelSku);
    }
}
