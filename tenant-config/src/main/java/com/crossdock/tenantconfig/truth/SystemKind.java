package com.crossdock.tenantconfig.truth;

/** The systems that can own a kind of data. */
public enum SystemKind {
    /** The 3PL's warehouse management system. */
    WMS("Warehouse (WMS)"),
    /** Crossdock itself: its catalog, hold rules and returns bench. */
    PORTAL("Crossdock"),
    /** The brand's sales channel (Shopify store, marketplace). */
    CHANNEL("Sales channel"),
    /** The brand's ERP. */
    ERP("Brand ERP");

    private final String label;

    SystemKind(String label) {
        this.label = label;
    }

    /** The name people read. */
    public String label() {
        return label;
    }

    /** Who answers for data this system owns: the 3PL for the warehouse and Crossdock, else the brand. */
    public String party() {
        return this == WMS || this == PORTAL ? "3PL" : "Brand";
    }
}
