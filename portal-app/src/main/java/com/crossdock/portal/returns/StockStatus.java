package com.crossdock.portal.returns;

/** The statuses stock is counted in. */
public enum StockStatus {
    AVAILABLE, B_GRADE, ON_HOLD, QUARANTINE, DAMAGED
}
