package com.crossdock.portal.channel.sandbox;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Shopify sandbox ({@code crossdock.sandbox.*}).
 *
 * @param portalUrl      where the sandbox sends its webhooks, i.e. this portal as seen from itself (e.g.
 *                       {@code http://127.0.0.1:8080}); empty means this machine at the port the server listens on
 * @param bucketSize     the query-cost bucket of every sandbox shop, in points (Shopify's standard: 1000)
 * @param restoreRate    points per second the bucket refills (Shopify's standard: 50)
 * @param webhookTimeout how long one webhook delivery may take before the sandbox gives up on it
 */
@ConfigurationProperties("crossdock.sandbox")
public record SandboxProperties(@Nullable URI portalUrl, @DefaultValue("1000") double bucketSize,
        @DefaultValue("50") double restoreRate, @DefaultValue("10s") Duration webhookTimeout) {
}
