package com.crossdock.portal.channel.shopify;

import java.util.Map;
import java.util.Set;

/**
 * The inventory items of SKUs, as {@link ShopifyAdminClient#inventoryItemIdsBySku} finds them.
 *
 * @param found     SKU → the GID of the inventory item of the one variant with exactly that SKU
 * @param ambiguous SKUs that two or more variants carry: which one to set stock on is a merchant's decision, so they
 *                  map to neither
 * @param notFound  SKUs no variant carries
 */
public record InventoryItems(Map<String, String> found, Set<String> ambiguous, Set<String> notFound) {

    public InventoryItems {
        found = Map.copyOf(found);
        ambiguous = Set.copyOf(ambiguous);
        notFound = Set.copyOf(notFound);
    }
}
