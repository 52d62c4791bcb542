package com.crossdock.portal.sync.recovery;

import com.crossdock.portal.scheduling.TenantJobs;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Every firing of a tenant job on the schedulers it listens to: which instance ran it, for which tenant and which
 * scheduled time, and when it started and finished (on this JVM's monotonic clock, so firings on two schedulers in this JVM compare).
 */
final class FiringLog implements JobListener {

    private final Map<String, Firing> firings = new ConcurrentHashMap<>();

    void listenTo(Scheduler scheduler) throws SchedulerException {
        scheduler.getListenerManager().addJobListener(this, GroupMatcher.jobGroupStartsWith("tenant:"));
    }

    /** The firings of {@code job} so far, in the order they started. */
    List<Firing> of(JobKey job) {
        return firings.values().stream().filter(firing -> firing.job().equals(job))
                .sorted(Comparator.comparingLong(Firing::startedNanos)).toList();
    }

    long finishedOf(JobKey job) {
        return of(job).stream().filter(Firing::finished).count();
    }

    boolean allFinished() {
        return firings.values().stream().allMatch(Firing::finished);
    }

    /** How many firings of {@code job} each scheduler instance ran. */
    Map<String, Long> instancesOf(JobKey job) {
        return of(job).stream().collect(Collectors.groupingBy(Firing::instance, Collectors.counting()));
    }

    @Override
    public String getName() {
        return "firing-log";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        firings.put(context.getFireInstanceId(), new Firing(instance(context), context.getJobDetail().getKey(),
                TenantJobs.tenantOf(context), context.getScheduledFireTime().toInstant(), System.nanoTime(), 0));
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        firings.computeIfPresent(context.getFireInstanceId(), (id, firing) -> firing.finishedAt(System.nanoTime()));
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
        firings.remove(context.getFireInstanceId());
    }

    private static String instance(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One run of a job; {@code finishedNanos} is 0 while it runs. */
    record Firing(String instance, JobKey job, TenantId tenant, Instant scheduledFor, long startedNanos,
            long finishedNanos) {

        boolean finished() {
            return finishedNanos != 0;
        }

        Firing finishedAt(long nanos) {
            return new Firing(instance, job, tenant, scheduledFor, startedNanos, nanos);
        }
    }
}
