package com.crossdock.portal.returns;

/** The condition of a returned unit as the returns bench found it when it came out of the parcel. */
public enum UnitCondition {
    UNOPENED("Unopened"),
    OPENED("Opened"),
    DAMAGED("Damaged"),
    DEFECTIVE("Defective"),
    MISSING_PARTS("Missing parts");

    private final String label;

    UnitCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
