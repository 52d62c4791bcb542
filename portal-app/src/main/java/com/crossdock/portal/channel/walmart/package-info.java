/**
 * The Walmart Marketplace connector's edge: client-credentials tokens, Walmart's throttling, the Orders v3, Inventory
 * and Feeds client, and Walmart payloads turned into canonical orders and back.
 */
@NullMarked
package com.crossdock.portal.channel.walmart;

import org.jspecify.annotations.NullMarked;
