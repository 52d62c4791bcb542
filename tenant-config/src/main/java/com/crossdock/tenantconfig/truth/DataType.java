package com.crossdock.tenantconfig.truth;

/** The kinds of data a tenant names exactly one owner for. */
public enum DataType {
    AVAILABLE_INVENTORY("Available inventory"),
    ON_HAND_BY_STATUS("On-hand by status"),
    ORDER_STATUS("Order status"),
    SHIPMENT_TRACKING("Shipment and tracking"),
    SHIPPING_LABELS("Shipping labels"),
    HOLDS("Holds"),
    BUNDLE_DEFINITION("Bundle definition"),
    MASTER_SKU_DATA("Master SKU data"),
    RETURNS_DISPOSITION("Returns disposition");

    private final String label;

    DataType(String label) {
        this.label = label;
    }

    /** The name people read. */
    public String label() {
        return label;
    }
}
