/**
 * Outbound webhooks: a brand's subscriptions, an outbox of deliveries written in the transaction of each event, and
 * a delivery worker that signs each with HMAC-SHA256, retries with backoff and disables a failing subscription.
 */
@NullMarked
package com.crossdock.portal.webhook;

import org.jspecify.annotations.NullMarked;
