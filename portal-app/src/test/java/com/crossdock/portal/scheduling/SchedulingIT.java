package com.crossdock.portal.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenancy.TenantScope;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Quartz runs clustered on PostgreSQL: the heartbeat fires, and per-tenant jobs run with their tenant. */
@SpringBootTest(properties = "crossdock.scheduler.heartbeat-interval=1s")
class SchedulingIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, SchedulingIT.class);
    }

    @Autowired Scheduler scheduler;
    @Autowired TenantJobs tenantJobs;
    @Autowired HeartbeatService heartbeats;

    @Test
    void theSchedulerIsClusteredOnTheDatabaseAndItsHeartbeatFires() throws Exception {
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().getJobStoreClass().getSimpleName()).contains("DataSourceJobStore");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(heartbeats.heartbeats()).anySatisfy(beat -> {
                    assertThat(beat.instanceId()).isEqualTo(scheduler.getSchedulerInstanceId());
                    assertThat(beat.beats()).isGreaterThanOrEqualTo(2);
                }));
    }

    @Test
    void aTenantJobRunsForItsOwnTenantOnly() {
        TenantId apparel = TenantId.random();
        TenantId home = TenantId.random();
        tenantJobs.scheduleEvery(apparel, "probe", RecordingJob.class, Duration.ofMillis(500));
        tenantJobs.scheduleEvery(home, "probe", RecordingJob.class, Duration.ofMillis(500));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                RecordingJob.RUNS.containsKey(apparel) && RecordingJob.RUNS.containsKey(home));
        assertThat(RecordingJob.RUNS.get(apparel)).containsOnly(apparel);
        assertThat(RecordingJob.RUNS.get(home)).containsOnly(home);
        assertThat(tenantJobs.jobsOf(apparel)).containsExactly("probe");

        assertThat(tenantJobs.unschedule(apparel, "probe")).isTrue();
        assertThat(tenantJobs.jobsOf(apparel)).isEmpty();
        assertThat(tenantJobs.jobsOf(home)).containsExactly("probe");
        tenantJobs.unschedule(home, "probe");
    }

    /** A thin job as later features write them: read the tenant, open its scope, do one thing. */
    public static class RecordingJob implements Job {
        static final Map<TenantId, List<TenantId>> RUNS = new ConcurrentHashMap<>();

        @Override
        public void execute(JobExecutionContext context) {
            TenantId tenant = TenantJobs.tenantOf(context);
            TenantScope.runIn(tenant, () -> RUNS.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>())
                    .add(TenantScope.current().orElseThrow()));
        }
    }
}
