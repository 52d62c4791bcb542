package com.crossdock.portal.webhook;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** System job: one round of webhook deliveries. Thin: the service does the work. */
@DisallowConcurrentExecution
class WebhookDeliveryJob implements Job {

    private final WebhookService webhooks;

    WebhookDeliveryJob(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void execute(JobExecutionContext context) {
        webhooks.deliverDue();
    }
}
