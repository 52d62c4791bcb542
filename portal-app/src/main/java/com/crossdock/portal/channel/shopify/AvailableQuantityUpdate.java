package com.crossdock.portal.channel.shopify;

import org.jspecify.annotations.Nullable;

/**
 * Sets the {@code available} quantity of one inventory item at one Shopify location, as the owner of available
 * inventory (source of truth) says it is.
 *
 * @param inventoryItemId      the inventory item, as its GID or the bare number
 * @param locationId           the location, as its GID or the bare number
 * @param quantity             the new available quantity
 * @param changeFromQuantity   the quantity Crossdock believes Shopify has now; Shopify refuses the change
 *                             ({@code CHANGE_FROM_QUANTITY_STALE}) if it differs. {@code null} overwrites whatever
 *                             Shopify has
 * @param idempotencyKey       one key per intended change (a UUID stored with the sync command), reused on every
 *                             retry, so that Shopify applies the change once however often it is sent
 * @param referenceDocumentUri why the quantity changed, shown in Shopify's inventory history (e.g.
 *                             {@code gid://crossdock/InventorySync/42}); {@code null} for none
 */
public record AvailableQuantityUpdate(
        String inventoryItemId,
        String locationId,
        int quantity,
        @Nullable Integer changeFromQuantity,
        String idempotencyKey,
        @Nullable String referenceDocumentUri) {

    public AvailableQuantityUpdate {
        inventoryItemId = ShopifyGid.of("InventoryItem", inventoryItemId);
        locationId = ShopifyGid.of("Location", locationId);
        if (quantity < 0) {
            throw new IllegalArgumentException("an available quantity must not be negative, was " + quantity);
        }
        // Shopify's limit for idempotency keys
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new IllegalArgumentException("an idempotency key must be 1 to 255 characters");
        }
    }
}
