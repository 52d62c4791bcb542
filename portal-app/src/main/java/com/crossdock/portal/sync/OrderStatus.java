package com.crossdock.portal.sync;

/** Where an order stands in its life, from the channel to the parcel. */
public enum OrderStatus {
    IMPORTED, HELD, RELEASED, PICKED, PACKED, SHIPPED, CANCELED
}
