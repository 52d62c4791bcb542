package com.crossdock.portal.sync;

import com.crossdock.portal.scheduling.TenantJobs;
import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The order-import flow of one Shopify connection, scheduled per tenant and connection: reads the ids from the job
 * and lets the pipeline poll. Thin; one run per connection at a time, whichever portal instance fires it.
 */
@DisallowConcurrentExecution
class ShopifyOrderPollJob implements Job {

    static final String PREFIX = "order-import:";

    private final OrderPipeline pipeline;

    ShopifyOrderPollJob(OrderPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void execute(JobExecutionContext context) {
        UUID connection = UUID.fromString(context.getJobDetail().getKey().getName().substring(PREFIX.length()));
        pipeline.pollShopifyOrders(TenantJobs.tenantOf(context), connection);
    }
}
