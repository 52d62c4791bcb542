package com.crossdock.portal.order;

/** How far an order has been paid or refunded, as the sales channel reports it. */
public enum FinancialStatus {
    PENDING,
    AUTHORIZED,
    PARTIALLY_PAID,
    PAID,
    PARTIALLY_REFUNDED,
    REFUNDED,
    VOIDED,
    EXPIRED,
    /** The channel gave no status or one Crossdock does not know yet; the raw payload keeps the original. */
    UNKNOWN
}
