package com.crossdock.portal.channel.shopify;

import com.crossdock.portal.order.CanonicalOrder;

/**
 * One order as polled from Shopify, with its raw JSON so that it can be stored before it is used, and replayed if
 * it had to be quarantined.
 */
public sealed interface PolledOrder {

    /** The order's GraphQL node exactly as parsed. */
    String rawJson();

    /** An order that parsed into a canonical order. */
    record Parsed(String rawJson, CanonicalOrder order) implements PolledOrder {
    }

    /** An order Crossdock could not read; {@code problem} says why and where, for the quarantine. */
    record Rejected(String rawJson, ShopifyPayloadException problem) implements PolledOrder {
    }
}
