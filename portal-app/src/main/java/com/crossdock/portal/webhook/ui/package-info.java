/** The Webhooks view: subscriptions with their status, a test delivery, the delivery log and redelivery. */
@NullMarked
package com.crossdock.portal.webhook.ui;

import org.jspecify.annotations.NullMarked;
