/**
 * The Shopify connector's edge: webhook signatures, Shopify order payloads turned into canonical orders, and the
 * Admin GraphQL client that polls orders and writes fulfillments and inventory back.
 */
@NullMarked
package com.crossdock.portal.channel.shopify;

import org.jspecify.annotations.NullMarked;
