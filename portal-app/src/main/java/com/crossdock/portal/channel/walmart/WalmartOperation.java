package com.crossdock.portal.channel.walmart;

/** The Marketplace API operations the connector calls; Walmart throttles each on its own. */
public enum WalmartOperation {
    GET_ALL_ORDERS,
    GET_ORDER,
    ACKNOWLEDGE,
    SHIP,
    CANCEL,
    REFUND,
    GET_RETURNS,
    UPDATE_INVENTORY,
    GET_INVENTORIES,
    SUBMIT_FEED,
    FEED_STATUS
}
