package com.crossdock.portal.warehouse;

import com.crossdock.portal.scheduling.SchedulingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exchange job of each WMS connection: {@code wms:<connection>} in the group {@code wms}, every poll interval,
 * one run at a time cluster-wide. Warehouses are the 3PL's, not a tenant's, so these are not tenant jobs.
 */
@Component
class WmsJobs {

    private static final String GROUP = "wms";

    private final Scheduler scheduler;
    private final JdbcClient jdbc;

    WmsJobs(Scheduler scheduler, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    /** At start-up every connection gets its job (unchanged schedules stay as they are). */
    @EventListener(ApplicationReadyEvent.class)
    void registerAll() {
        record Row(UUID id, int seconds) {
        }
        List<Row> rows = jdbc.sql("SELECT id, poll_seconds FROM wms_connection")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        for (Row row : rows) {
            try {
                Trigger existing = scheduler.getTrigger(TriggerKey.triggerKey(name(row.id()), GROUP));
                if (existing instanceof org.quartz.SimpleTrigger simple
                        && simple.getRepeatInterval() == row.seconds() * 1000L) {
                    continue;
                }
            } catch (SchedulerException e) {
                throw new SchedulingException("Could not look up the exchange of WMS connection " + row.id(), e);
            }
            schedule(row.id(), Duration.ofSeconds(row.seconds()));
        }
    }

    void schedule(UUID connectionId, Duration every) {
        JobKey key = JobKey.jobKey(name(connectionId), GROUP);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name(connectionId), GROUP).forJob(key)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .startAt(Date.from(Instant.now().plus(every))).build();
        try {
            scheduler.addJob(JobBuilder.newJob(WmsExchangeJob.class).withIdentity(key).requestRecovery()
                    .storeDurably().build(), true);
            if (scheduler.checkExists(trigger.getKey())) {
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not schedule the exchange of WMS connection " + connectionId, e);
        }
    }

    void runNow(UUID connectionId) {
        try {
            scheduler.triggerJob(JobKey.jobKey(name(connectionId), GROUP));
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not start the exchange of WMS connection " + connectionId, e);
        }
    }

    static String name(UUID connectionId) {
        return "wms:" + connectionId;
    }
}
