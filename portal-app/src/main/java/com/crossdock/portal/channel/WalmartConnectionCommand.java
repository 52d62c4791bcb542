package com.crossdock.portal.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Walmart Marketplace seller to connect, as entered: the seller's partner id, the ship node(s) the 3PL's warehouse
 * is in Walmart (the first gets the warehouse's stock), and the client id and secret of the seller's API keys (or of
 * the solution provider the seller delegated access to). In sandbox mode the keys are the sandbox's own and may be
 * left blank.
 */
public record WalmartConnectionCommand(String name, String sellerId, List<String> shipNodes,
        @Nullable ChannelMode mode, @Nullable String clientId, @Nullable String clientSecret) {
}
