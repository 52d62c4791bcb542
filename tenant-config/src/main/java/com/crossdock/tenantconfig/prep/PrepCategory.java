package com.crossdock.tenantconfig.prep;

/** Amazon's prep category of an item (Fulfillment Inbound 2024-03-20 {@code PrepCategory}). */
public enum PrepCategory {
    ADULT, BABY, FC_PROVIDED, FRAGILE, GRANULAR, HANGER, LIQUID, PERFORATED, SET, SHARP, SMALL, TEXTILE, UNKNOWN, NONE;

    /** Whether a seller may send this value; {@code FC_PROVIDED} and {@code UNKNOWN} only come from Amazon. */
    public boolean acceptedAsInput() {
        return this != FC_PROVIDED && this != UNKNOWN;
    }
}
