package com.crossdock.portal.health;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health system jobs: alert evaluation (every {@code alert-interval}) and raw-event retention (hourly). */
@Configuration(proxyBeanMethods = false)
class HealthJobsConfiguration {

    @Bean
    JobDetail healthAlertsJob() {
        return JobBuilder.newJob(AlertJob.class).withIdentity("health-alerts", "system")
                .withDescription("Evaluates every tenant's alert rules and delivers new alerts").storeDurably().build();
    }

    @Bean
    Trigger healthAlertsTrigger(JobDetail healthAlertsJob, HealthProperties properties) {
        return TriggerBuilder.newTrigger().forJob(healthAlertsJob).withIdentity("health-alerts", "system")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.alertInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow().build();
    }

    @Bean
    JobDetail healthRetentionJob() {
        return JobBuilder.newJob(RetentionJob.class).withIdentity("health-retention", "system")
                .withDescription("Deletes raw sync events and fine rollups past their retention").storeDurably()
                .build();
    }

    @Bean
    Trigger healthRetentionTrigger(JobDetail healthRetentionJob) {
        return TriggerBuilder.newTrigger().forJob(healthRetentionJob).withIdentity("health-retention", "system")
                .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow().build();
    }

    /** Thin: the service evaluates. */
    @DisallowConcurrentExecution
    static class AlertJob implements Job {

        private final HealthService health;

        AlertJob(HealthService health) {
            this.health = health;
        }

        @Override
        public void execute(JobExecutionContext context) {
            health.evaluateAllAlerts();
        }
    }

    /** Thin: the service deletes. */
    @DisallowConcurrentExecution
    static class RetentionJob implements Job {

        private final HealthService health;

        RetentionJob(HealthService health) {
            this.health = health;
        }

        @Override
        public void execute(JobExecutionContext context) {
            health.applyRetention();
        }
    }
}
