package com.crossdock.portal.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Whether an outbound webhook's host is on a private network (loopback, site- or link-local, any-local, multicast):
 * a tenant must not make the portal call into the 3PL's own network. Used by the brand webhooks and the health
 * alerts alike.
 */
public final class ReceiverAddress {

    private ReceiverAddress() {
    }

    /** True for a missing host, or one any of whose addresses is private. */
    public static boolean isPrivate(@Nullable String host) throws UnknownHostException {
        if (host == null) {
            return true;
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                return true;
            }
        }
        return false;
    }
}
