package com.crossdock.tenantconfig.x12;

/** A transaction set the {@link X12Writer} can write. */
public sealed interface X12Outbound permits ShippingOrder940, StockTransfer943, ShippingAdvice945,
        ReceiptAdvice944, InventoryAdvice846, FunctionalAck997, ShipNotice856 {
}
