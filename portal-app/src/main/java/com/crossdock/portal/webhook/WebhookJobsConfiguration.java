package com.crossdock.portal.webhook;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook delivery worker: a system job every {@code crossdock.webhooks.poll-interval}. */
@Configuration(proxyBeanMethods = false)
class WebhookJobsConfiguration {

    @Bean
    JobDetail webhookDeliveryJob() {
        return JobBuilder.newJob(WebhookDeliveryJob.class)
                .withIdentity("webhook-delivery", "system")
                .withDescription("Sends due outbound webhook deliveries")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger webhookDeliveryTrigger(JobDetail webhookDeliveryJob, WebhookProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(webhookDeliveryJob)
                .withIdentity("webhook-delivery", "system")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1000, properties.pollInterval().toMillis()))
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow()
                .build();
    }
}
