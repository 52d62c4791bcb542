package com.crossdock.portal.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outbound webhooks.
 *
 * @param pollInterval          how often the delivery worker looks for due deliveries
 * @param timeout               how long a receiver may take to answer one delivery
 * @param firstRetryAfter       the wait after a first failed attempt; each further failure doubles it
 * @param maxRetryAfter         the longest wait between attempts
 * @param maxAttempts           attempts of one delivery before it is given up (it can still be redelivered by hand)
 * @param disableAfter          failed attempts in a row after which a subscription is disabled, with the reason shown
 * @param batchSize             deliveries one tenant sends per round
 * @param allowPrivateAddresses whether receivers on loopback, private or link-local addresses are allowed; off in
 *                              production so a brand cannot make the portal call the 3PL's own network
 */
@ConfigurationProperties("crossdock.webhooks")
public record WebhookProperties(@DefaultValue("10s") Duration pollInterval, @DefaultValue("10s") Duration timeout,
        @DefaultValue("30s") Duration firstRetryAfter, @DefaultValue("1h") Duration maxRetryAfter,
        @DefaultValue("12") int maxAttempts, @DefaultValue("20") int disableAfter,
        @DefaultValue("50") int batchSize, @DefaultValue("false") boolean allowPrivateAddresses) {
}
