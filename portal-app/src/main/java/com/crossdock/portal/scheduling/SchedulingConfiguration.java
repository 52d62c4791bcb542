package com.crossdock.portal.scheduling;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** System jobs. Spring Boot registers these beans with the scheduler without overwriting existing triggers. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    static final String SYSTEM_GROUP = "system";

    @Bean
    JobDetail schedulerHeartbeatJob() {
        return JobBuilder.newJob(SchedulerHeartbeatJob.class)
                .withIdentity("scheduler-heartbeat", SYSTEM_GROUP)
                .withDescription("Records that a scheduler instance is alive")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger schedulerHeartbeatTrigger(JobDetail schedulerHeartbeatJob, SchedulerProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(schedulerHeartbeatJob)
                .withIdentity("scheduler-heartbeat", SYSTEM_GROUP)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.heartbeatInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow()
                .build();
    }
}
