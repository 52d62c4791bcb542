package com.crossdock.tenantconfig.catalog;

/** The levels an item is packed at, smallest first. */
public enum PackLevel {
    EACH("Each"), INNER("Inner pack"), CASE("Case"), PALLET("Pallet");

    private final String label;

    PackLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
