package com.crossdock.portal.sync;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * System job: processes inbox entries that no background task finished, for instance because the portal stopped
 * between keeping a webhook and processing it. Thin: the pipeline does the work.
 */
@DisallowConcurrentExecution
class InboxSweepJob implements Job {

    private final OrderPipeline pipeline;

    InboxSweepJob(OrderPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void execute(JobExecutionContext context) {
        pipeline.sweep(OrderPipeline.SWEEP_AFTER);
    }
}
