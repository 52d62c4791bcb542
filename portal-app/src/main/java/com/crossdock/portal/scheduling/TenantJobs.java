package com.crossdock.portal.scheduling;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Component;

/**
 * The one place where per-tenant jobs are registered. A job is keyed by tenant + job name (for example
 * {@code <connection>:order-import}) in the group {@code tenant:<id>}; its {@code JobDataMap} carries the tenant id
 * under {@link #TENANT_ID}. Registering again replaces the schedule but never fires a slot twice.
 * Jobs must be thin: read the ids, open the tenant scope, call one service method.
 */
@Component
public class TenantJobs {

    /** JobDataMap key holding the tenant id as text. */
    public static final String TENANT_ID = "tenantId";

    private final Scheduler scheduler;

    TenantJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Schedules {@code jobClass} for {@code tenant} every {@code interval}, replacing an earlier schedule. */
    public void scheduleEvery(TenantId tenant, String name, Class<? extends Job> jobClass, Duration interval) {
        JobKey jobKey = JobKey.jobKey(name, group(tenant));
        JobDetail job = JobBuilder.newJob(jobClass)
                .withIdentity(jobKey)
                .usingJobData(TENANT_ID, tenant.toString())
                .requestRecovery()
                .storeDurably()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(name, group(tenant)))
                .forJob(jobKey)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow()
                .build();
        try {
            if (scheduler.checkExists(trigger.getKey())) {
                // a new interval counts from now; only a job that had no schedule runs at once
                trigger = trigger.getTriggerBuilder().startAt(java.util.Date.from(java.time.Instant.now()
                        .plus(interval))).build();
            }
            scheduler.addJob(job, true);
            if (scheduler.checkExists(trigger.getKey())) {
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not schedule " + name + " for tenant " + tenant, e);
        }
    }

    /**
     * Schedules {@code jobClass} for {@code tenant} every {@code interval} unless it already runs at that interval,
     * so registering at every start-up neither moves nor fires a schedule.
     */
    public void ensureEvery(TenantId tenant, String name, Class<? extends Job> jobClass, Duration interval) {
        try {
            Trigger existing = scheduler.getTrigger(TriggerKey.triggerKey(name, group(tenant)));
            if (existing instanceof org.quartz.SimpleTrigger simple && simple.getRepeatInterval() == interval.toMillis()
                    && scheduler.checkExists(JobKey.jobKey(name, group(tenant)))) {
                return;
            }
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not look up " + name + " for tenant " + tenant, e);
        }
        scheduleEvery(tenant, name, jobClass, interval);
    }

    /**
     * Keeps {@code jobClass} for {@code tenant} under {@code name} with no schedule (or stops the schedule it had),
     * so it runs only when {@link #triggerNow triggered}.
     */
    public void keepUnscheduled(TenantId tenant, String name, Class<? extends Job> jobClass) {
        JobKey jobKey = JobKey.jobKey(name, group(tenant));
        try {
            scheduler.unscheduleJob(TriggerKey.triggerKey(name, group(tenant)));
            scheduler.addJob(JobBuilder.newJob(jobClass).withIdentity(jobKey).usingJobData(TENANT_ID, tenant.toString())
                    .requestRecovery().storeDurably().build(), true);
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not keep " + name + " for tenant " + tenant, e);
        }
    }

    /** Whether a job of a tenant has a schedule (a trigger of its own name). */
    public boolean isScheduled(TenantId tenant, String name) {
        try {
            return scheduler.checkExists(TriggerKey.triggerKey(name, group(tenant)));
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not look up " + name + " for tenant " + tenant, e);
        }
    }

    /** Fires one job of a tenant now, besides its schedule; a job that allows no concurrency waits its turn. */
    public void triggerNow(TenantId tenant, String name) {
        try {
            scheduler.triggerJob(JobKey.jobKey(name, group(tenant)));
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not start " + name + " for tenant " + tenant, e);
        }
    }

    /** Whether a tenant has a job of this name. */
    public boolean exists(TenantId tenant, String name) {
        try {
            return scheduler.checkExists(JobKey.jobKey(name, group(tenant)));
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not look up " + name + " for tenant " + tenant, e);
        }
    }

    /** Removes one job of a tenant. */
    public boolean unschedule(TenantId tenant, String name) {
        try {
            return scheduler.deleteJob(JobKey.jobKey(name, group(tenant)));
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not remove " + name + " for tenant " + tenant, e);
        }
    }

    /** The names of a tenant's jobs. */
    public List<String> jobsOf(TenantId tenant) {
        try {
            return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group(tenant))).stream()
                    .map(JobKey::getName).sorted().toList();
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not list the jobs of tenant " + tenant, e);
        }
    }

    /** Reads the tenant id a job was registered for. */
    public static TenantId tenantOf(org.quartz.JobExecutionContext context) {
        return TenantId.parse(context.getMergedJobDataMap().getString(TENANT_ID));
    }

    static String group(TenantId tenant) {
        return "tenant:" + tenant;
    }
}
