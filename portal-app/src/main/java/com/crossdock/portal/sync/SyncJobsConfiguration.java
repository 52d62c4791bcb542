package com.crossdock.portal.sync;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sync engine's system job: sweeping unprocessed inbox entries every 30 seconds. */
@Configuration(proxyBeanMethods = false)
class SyncJobsConfiguration {

    @Bean
    JobDetail inboxSweepJob() {
        return JobBuilder.newJob(InboxSweepJob.class)
                .withIdentity("inbox-sweep", "system")
                .withDescription("Processes kept webhooks that no background task finished")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger inboxSweepTrigger(JobDetail inboxSweepJob) {
        return TriggerBuilder.newTrigger()
                .forJob(inboxSweepJob)
                .withIdentity("inbox-sweep", "system")
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(30)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow()
                .build();
    }
}
