/**
 * The Amazon Selling Partner API connector's edge: Login with Amazon tokens, per-operation rate limits, the Orders
 * API client and Amazon order payloads turned into canonical orders.
 */
@NullMarked
package com.crossdock.portal.channel.amazon;

import org.jspecify.annotations.NullMarked;
