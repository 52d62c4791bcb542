package com.crossdock.portal.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An Amazon seller account to connect, as entered: the seller (merchant) id, the marketplaces to read orders from,
 * the SP-API region, and the Login with Amazon app's client id and secret with the refresh token the seller's
 * authorisation of the app produced. In sandbox mode the credentials are the sandbox's own and may be left blank.
 */
public record AmazonConnectionCommand(String name, String sellerId, List<String> marketplaceIds,
        @Nullable AmazonRegion region, @Nullable ChannelMode mode, @Nullable String lwaClientId,
        @Nullable String lwaClientSecret, @Nullable String refreshToken) {
}
