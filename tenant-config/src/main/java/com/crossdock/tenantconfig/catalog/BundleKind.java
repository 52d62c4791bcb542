package com.crossdock.tenantconfig.catalog;

/** How a bundle reaches the warehouse. */
public enum BundleKind {
    /** Sold as one SKU, picked as its components: exploded when an order arrives. */
    VIRTUAL,
    /** A kit SKU with its own stock, built ahead by the warehouse: ordered and picked as itself. */
    PHYSICAL
}
