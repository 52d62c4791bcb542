package com.crossdock.portal.returns;

/**
 * A SKU's units by status as the portal knows them: received in from inbound shipments (944s) and come back through
 * returns, beside what the warehouse last reported.
 *
 * @param available          received sound plus returns restocked
 * @param bGrade             returns restocked as B-grade
 * @param onHold             returned units waiting for inspection
 * @param quarantine         returns set aside to refurbish or to go back to the vendor
 * @param damaged            units the warehouse received damaged
 * @param warehouseOnHand    on hand in the warehouse's last stock report, or null when none came
 * @param warehouseAvailable available in that report, or null
 */
public record StockByStatus(String sku, int available, int bGrade, int onHold, int quarantine, int damaged,
        @org.jspecify.annotations.Nullable Integer warehouseOnHand,
        @org.jspecify.annotations.Nullable Integer warehouseAvailable) {
}
