package com.crossdock.portal.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sync health: how long raw events and fine rollups are kept, how often alerts are evaluated, and how
 * alerts are delivered (each tenant signs its alert webhooks with its own key, made in the Health view). E-mail itself is Spring's {@code spring.mail.*}; without {@code spring.mail.host} alert
 * e-mails are recorded as not configured.
 *
 * @param rawRetention         how long flow runs and order journey steps are kept; the rollups stay
 * @param minuteRetention      how long minute rollups are kept (hour and day rollups stay longer)
 * @param hourRetention        how long hour rollups are kept; day rollups are never deleted
 * @param alertInterval        how often the alert rules of every tenant are evaluated
 * @param responseTime         how long an exception may stay open before it counts as a response-time breach
 * @param mailFrom             the sender of alert and hypercare e-mails
 * @param webhookTimeout       how long one webhook delivery may take
 * @param allowPrivateWebhooks allow alert webhooks to hosts on loopback or private networks (tests, a receiver
 *                             beside the portal); off, such an address is refused
 */
@ConfigurationProperties("crossdock.health")
public record HealthProperties(
        @DefaultValue("90d") Duration rawRetention,
        @DefaultValue("2d") Duration minuteRetention,
        @DefaultValue("120d") Duration hourRetention,
        @DefaultValue("60s") Duration alertInterval,
        @DefaultValue("4h") Duration responseTime,
        @DefaultValue("alerts@crossdock.local") String mailFrom,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("false") boolean allowPrivateWebhooks) {
}
