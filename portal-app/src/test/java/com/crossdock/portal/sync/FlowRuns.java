package com.crossdock.portal.sync;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * For tests of other features: runs one firing of a flow in the calling thread, as its Quartz job would, so a test
 * reads what the run did right after it instead of waiting for the scheduler.
 */
public final class FlowRuns {

    private FlowRuns() {
    }

    /** The run's record id, or empty when the flow is off or the connection gone. */
    public static Optional<UUID> runNow(ApplicationContext context, TenantId tenant, UUID connectionId, Flow flow) {
        return context.getBean(Flows.class).run(tenant, connectionId, flow,
                new Flows.Firing(Instant.now(), "test", false));
    }
}
