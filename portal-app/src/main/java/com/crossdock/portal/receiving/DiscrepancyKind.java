package com.crossdock.portal.receiving;

/** What the warehouse found different from the shipment the brand announced. */
public enum DiscrepancyKind {
    /** More units of a SKU arrived than were announced. */
    OVER,
    /** Fewer units arrived than announced, by the warehouse's final receipt. */
    SHORT,
    /** Units arrived damaged. */
    DAMAGED,
    /** A SKU arrived that was not on the shipment at all. */
    UNEXPECTED,
    /** Units of a SKU arrived in a lot the shipment did not announce for it (the detail says which). */
    LOT
}
