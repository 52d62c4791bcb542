package com.crossdock.tenantconfig.uat;

import java.util.List;

/** What one step of a scenario does, and the modes it accepts (the first is the default). */
public enum StepKind {
    /** A buyer places an order in the sandbox store; its webhook goes into the real pipeline. */
    PLACE_ORDER(false, List.of("COMPLETE_ADDRESS", "INCOMPLETE_ADDRESS")),
    /** The store sends the last order's webhook again with the same webhook id, as Shopify does on a missed answer. */
    DELIVER_AGAIN(true, List.of("SAME_WEBHOOK")),
    /** The buyer cancels the last order in the store. */
    CANCEL(true, List.of("BUYER")),
    /** The sandbox warehouse ships the last order: in one carton, in two, or one unit short. */
    WAREHOUSE_SHIPS(true, List.of("ALL", "SPLIT", "SHORT")),
    /** The brand sends an inbound shipment of the lines and the warehouse receives it: all, one short, one damaged. */
    WAREHOUSE_RECEIVES(false, List.of("ALL", "PARTIAL", "DAMAGED")),
    /** The buyer returns the last order's shipped units; the returns bench receives them opened. */
    RETURN(true, List.of("OPENED")),
    /** The warehouse reports stock of the lines' items: as many as the lines say, or none at all. */
    REPORT_STOCK(false, List.of("AS_LISTED", "NONE_LEFT")),
    /** The inventory push runs for the sandbox store, telling it what it may sell. */
    PUSH_INVENTORY(false, List.of("NOW")),
    /** The catalog's data-quality checks run over the picked items. */
    CHECK_CATALOG(false, List.of("FINDINGS"));

    private final boolean needsOrder;
    private final List<String> modes;

    StepKind(boolean needsOrder, List<String> modes) {
        this.needsOrder = needsOrder;
        this.modes = modes;
    }

    /** Whether the step acts on an order an earlier step placed. */
    public boolean needsOrder() {
        return needsOrder;
    }

    /** The modes the step accepts; the first is its default. */
    public List<String> modes() {
        return modes;
    }

    /** Whether the step takes lines of items ({@code PLACE_ORDER}, {@code WAREHOUSE_RECEIVES}, {@code REPORT_STOCK}). */
    public boolean takesLines() {
        return this == PLACE_ORDER || this == WAREHOUSE_RECEIVES || this == REPORT_STOCK;
    }
}
