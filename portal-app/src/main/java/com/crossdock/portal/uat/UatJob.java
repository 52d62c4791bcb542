package com.crossdock.portal.uat;

import com.crossdock.portal.scheduling.TenantJobs;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * A tenant's UAT runs as a Quartz job ({@code uat-runs} in the tenant's group, kept without a schedule and fired when
 * a run is queued). Thin: reads the tenant and lets {@link UatService} work the queued runs one after the other.
 * Quartz never runs it twice at once for a tenant, on whichever instance it fires, and a job a stopped portal was
 * running is recovered by another one, which closes the interrupted run and goes on with the queue.
 */
@DisallowConcurrentExecution
class UatJob implements Job {

    static final String NAME = "uat-runs";

    private final UatService uat;

    UatJob(UatService uat) {
        this.uat = uat;
    }

    @Override
    public void execute(JobExecutionContext context) {
        uat.runQueued(TenantJobs.tenantOf(context), context.isRecovering());
    }
}
