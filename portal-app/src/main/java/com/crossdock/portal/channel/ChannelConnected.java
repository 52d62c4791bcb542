package com.crossdock.portal.channel;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.UUID;

/** Published when a tenant connects a store, after the connection is saved; the sync engine schedules its flows. */
public record ChannelConnected(TenantId tenant, UUID connectionId, String channel) {
}
