package com.crossdock.portal.sync.recovery;

import com.crossdock.portal.scheduling.TenantJobs;
import com.crossdock.portal.tenancy.TenantScope;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * A per-tenant flow as the real ones are declared (one run at a time, whichever instance fires it) whose run takes
 * longer than its interval, so the cluster always has a due firing while the last one still runs.
 */
@DisallowConcurrentExecution
public class SlowFlowJob implements Job {

    static final long RUN_MILLIS = 300;

    @Override
    public void execute(JobExecutionContext context) {
        TenantScope.runIn(TenantJobs.tenantOf(context), () -> {
            try {
                Thread.sleep(RUN_MILLIS); // the run's work
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
