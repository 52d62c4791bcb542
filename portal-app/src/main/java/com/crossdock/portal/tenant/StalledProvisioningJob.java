package com.crossdock.portal.tenant;

import com.crossdock.portal.identity.SystemActor;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** System job: picks up tenants whose provisioning was interrupted (the portal stopped mid-way). Thin. */
@DisallowConcurrentExecution
class StalledProvisioningJob implements Job {

    /** A provisioning takes seconds; one pending longer than this was interrupted. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    private final TenantService tenants;

    StalledProvisioningJob(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public void execute(JobExecutionContext context) {
        SystemActor.call("provisioning", () -> tenants.retryStalledProvisioning(STALLED_AFTER));
    }
}
