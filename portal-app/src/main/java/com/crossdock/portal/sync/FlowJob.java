package com.crossdock.portal.sync;

import com.crossdock.portal.scheduling.TenantJobs;
import java.time.Instant;
import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * One flow of one connection, as a Quartz job named {@code flow:<connection>:<FLOW>} in the tenant's group. Thin:
 * reads the ids and the firing, and lets {@link Flows} run it. Quartz never runs it twice at once, on whichever
 * portal instance it fires.
 */
@DisallowConcurrentExecution
class FlowJob implements Job {

    static final String PREFIX = "flow:";

    private final Flows flows;

    FlowJob(Flows flows) {
        this.flows = flows;
    }

    static String name(UUID connectionId, Flow flow) {
        return PREFIX + connectionId + ":" + flow.name();
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String[] parts = context.getJobDetail().getKey().getName().substring(PREFIX.length()).split(":");
        String instance;
        try {
            instance = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new JobExecutionException("The scheduler running this flow cannot name itself", e);
        }
        Instant firing = context.getScheduledFireTime() == null ? Instant.now()
                : context.getScheduledFireTime().toInstant();
        flows.run(TenantJobs.tenantOf(context), UUID.fromString(parts[0]), Flow.valueOf(parts[1]),
                new Flows.Firing(firing, instance, context.isRecovering()));
    }
}
