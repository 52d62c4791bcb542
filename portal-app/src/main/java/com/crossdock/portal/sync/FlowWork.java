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

    /** The channels whose connections this work serves: {@link #channel()}, or several that share the engine's loop. */
    default java.util.Set<String> channels() {
        return java.util.Set.of(channel());
    }

    FlowResult run(TenantId tenant, UUID connectionId);

    /**
     * A run in shadow mode (the flow is not live on this live connection): what {@link #run} would send is worked
     * out and compared with what the channel shows, differences are recorded, and nothing is sent. A work without a
     * comparison of its own reads and sends nothing, and says so.
     */
    default FlowResult shadow(TenantId tenant, UUID connectionId) {
        return new FlowResult(0, 0, 0, null, false, "Shadow mode: " + flow().label() + " is not live on this "
                + "connection yet, so nothing was sent. Switch it live under Flows when the brand is ready.");
    }
}
