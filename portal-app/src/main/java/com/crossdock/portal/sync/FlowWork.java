package com.crossdock.portal.sync;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.UUID;

/**
 * The work of one scheduled flow for one connection. {@link Flows} runs it as the system actor, records the run
 * around it and makes sure one firing runs once; the work itself opens the tenant's transactions it needs.
 */
interface FlowWork {

    Flow flow();

    /** The channel whose connections this work serves ({@code SHOPIFY}, {@code AMAZON}). */
    default String channel() {
        return "SHOPIFY";
    }

    FlowResult run(TenantId tenant, UUID connectionId);
}
