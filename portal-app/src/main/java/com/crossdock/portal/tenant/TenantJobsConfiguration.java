package com.crossdock.portal.tenant;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tenant feature's system job: retrying interrupted provisioning every five minutes. */
@Configuration(proxyBeanMethods = false)
class TenantJobsConfiguration {

    @Bean
    JobDetail stalledProvisioningJob() {
        return JobBuilder.newJob(StalledProvisioningJob.class)
                .withIdentity("stalled-provisioning", "system")
                .withDescription("Provisions tenants whose provisioning was interrupted")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger stalledProvisioningTrigger(JobDetail stalledProvisioningJob) {
        return TriggerBuilder.newTrigger()
                .forJob(stalledProvisioningJob)
                .withIdentity("stalled-provisioning", "system")
                .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(5)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow()
                .build();
    }
}
