package com.crossdock.tenantconfig.x12;

/** What a transaction set says, as one of the codec's records. */
public sealed interface X12Content permits ShippingOrder940, StockTransfer943, ShippingAdvice945,
        ReceiptAdvice944, InventoryAdvice846, InventoryAdjustment947, FunctionalAck997, ShipNotice856,
        X12Content.Unmapped {

    /** A transaction type the codec does not map: its segments stay on {@link X12Transaction#segments()}. */
    record Unmapped(String type) implements X12Content {
    }
}
