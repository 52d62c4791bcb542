package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ConnectionView;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Objects;
import java.util.UUID;

/** The check every marketplace sandbox makes first: the tenant is open to the caller, the connection its, in sandbox mode. */
final class SandboxConnections {

    private SandboxConnections() {
    }

    /**
     * @throws NoSuchConnectionException     for a connection the tenant has not (or not of {@code channel})
     * @throws NotASandboxConnectionException for a live connection
     */
    static void require(TenantService tenants, ChannelService channels, TenantId tenant, UUID connectionId,
            String channel) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(connectionId, "connectionId");
        ConnectionView connection = channels.connections(tenant).stream()
                .filter(candidate -> candidate.id().equals(connectionId) && candidate.channel().equals(channel))
                .findFirst().orElseThrow(() -> new NoSuchConnectionException(connectionId));
        if (connection.mode() != ChannelMode.SANDBOX) {
            throw new NotASandboxConnectionException(connection.name());
        }
    }
}
