package com.crossdock.portal.sync;

import com.crossdock.tenantconfig.catalog.AliasKind;

/**
 * What the engine needs to know of a connection's channel ({@code channel_connection.channel}): its name for people
 * and the catalog aliases its order lines resolve through. Everything else of a channel is its connector's.
 */
enum SalesChannel {
    SHOPIFY("Shopify", AliasKind.SHOPIFY_VARIANT_SKU, AliasKind.SHOPIFY_VARIANT_ID, "a Shopify"),
    AMAZON("Amazon", AliasKind.AMAZON_MSKU, AliasKind.AMAZON_ASIN, "an Amazon seller SKU (MSKU)"),
    WALMART("Walmart", AliasKind.WALMART_SKU, AliasKind.WALMART_SKU, "a Walmart SKU");

    private final String label;
    private final AliasKind skuAlias;
    private final AliasKind idAlias;
    private final String aliasName;

    SalesChannel(String label, AliasKind skuAlias, AliasKind idAlias, String aliasName) {
        this.label = label;
        this.skuAlias = skuAlias;
        this.idAlias = idAlias;
        this.aliasName = aliasName;
    }

    static SalesChannel of(String channel) {
        return valueOf(channel);
    }

    /** The channel's name for people: "Shopify", "Amazon", "Walmart". */
    String label() {
        return label;
    }

    /** The alias kind of a line's SKU in this channel. */
    AliasKind skuAlias() {
        return skuAlias;
    }

    /** The alias kind of a line's product id in this channel (Shopify variant id, ASIN). */
    AliasKind idAlias() {
        return idAlias;
    }

    /** How an exception names the alias to add, e.g. "an Amazon seller SKU (MSKU)". */
    String aliasName() {
        return aliasName;
    }
}
