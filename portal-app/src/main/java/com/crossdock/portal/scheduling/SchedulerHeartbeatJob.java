package com.crossdock.portal.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** System job: records that this scheduler instance is alive. Thin: one service call. */
@DisallowConcurrentExecution
class SchedulerHeartbeatJob implements Job {

    private final HeartbeatService heartbeats;

    SchedulerHeartbeatJob(HeartbeatService heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            heartbeats.beat(context.getScheduler().getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new JobExecutionException("Could not read the scheduler instance id", e, false);
        }
    }
}
