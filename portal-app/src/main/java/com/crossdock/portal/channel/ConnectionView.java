package com.crossdock.portal.channel;

import java.util.UUID;

/**
 * A connection as the screens show it: never the credentials themselves, only a masked hint.
 *
 * @param tokenHint     the access token's first and last characters ({@code shpat_…c0de})
 * @param rotatingSecret whether a previous webhook secret is still accepted (rotation in progress)
 */
public record ConnectionView(UUID id, String channel, String name, String shopDomain, String apiVersion,
        ChannelMode mode, String tokenHint, boolean rotatingSecret, long version) {
}
