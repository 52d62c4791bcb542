package com.crossdock.portal.channel;

import org.jspecify.annotations.Nullable;

/**
 * A Shopify store to connect, as entered: its {@code *.myshopify.com} domain, the Admin API version to pin
 * ({@code 2026-07}), the custom app's Admin API access token and the app's webhook signing secret.
 */
public record ShopifyConnectionCommand(String name, String shopDomain, String apiVersion, ChannelMode mode,
        @Nullable String accessToken, @Nullable String webhookSecret) {
}
