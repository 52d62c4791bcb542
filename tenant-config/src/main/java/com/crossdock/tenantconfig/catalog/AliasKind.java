package com.crossdock.tenantconfig.catalog;

/** The identifiers a channel knows an item by. */
public enum AliasKind {
    SHOPIFY_VARIANT_SKU("Shopify variant SKU"),
    SHOPIFY_VARIANT_ID("Shopify variant id"),
    AMAZON_MSKU("Amazon seller SKU (MSKU)"),
    AMAZON_ASIN("Amazon ASIN"),
    AMAZON_FNSKU("Amazon FNSKU"),
    WALMART_SKU("Walmart SKU"),
    EDI_BUYER_ITEM("EDI buyer item number");

    private final String label;

    AliasKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
