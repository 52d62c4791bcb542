/**
 * The Shopify sandbox of sandbox mode: an in-memory shop per sandbox connection that answers the Admin GraphQL API
 * the real connector calls, generates orders from the tenant's own catalog and sends them as signed webhooks into
 * the real pipeline, and injects the faults real shops produce (429s, 5xx, throttling, latency, duplicate,
 * out-of-order and badly signed deliveries).
 */
@NullMarked
package com.crossdock.portal.channel.sandbox;

import org.jspecify.annotations.NullMarked;
