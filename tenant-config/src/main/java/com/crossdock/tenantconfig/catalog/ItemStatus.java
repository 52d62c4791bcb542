package com.crossdock.tenantconfig.catalog;

/** Whether an item is sold and stocked now. */
public enum ItemStatus {
    ACTIVE("Active"), INACTIVE("Inactive");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
