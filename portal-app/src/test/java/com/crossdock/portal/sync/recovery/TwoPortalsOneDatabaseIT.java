package com.crossdock.portal.sync.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.scheduling.TenantJobs;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.recovery.FiringLog.Firing;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two portals on one database, each with its own scheduler instance in the Quartz cluster. A flow of each of two
 * tenants, registered through {@link TenantJobs} on a different portal, is due every 200 ms but runs for 300 ms.
 * Each instance is paused in turn (it finishes the run it started), so the other takes both flows over. Across both
 * instances each scheduled firing runs exactly once, a flow's runs never overlap, not even across a hand-over, and
 * each run is for its own tenant.
 *
 * <p>The flows are a test job, not {@code ShopifyOrderPollJob}: in one JVM the second portal's Vaadin security
 * context holder replaces the first's (the holder is global), so the first portal's system actor is not seen by its
 * own method security and the real poll would fail there for a reason no deployment has. Likewise Quartz keeps
 * connection providers in a JVM-wide registry by scheduler name, so both schedulers here take connections from the
 * pool of the portal started last (the same database, so the cluster protocol is unchanged).
 *
 * <p>Quartz tells no instance when another releases a trigger. A flow's trigger stays blocked while its run goes on
 * (one run at a time); the instance that ran it unblocks it when the run ends and only that instance's scheduler
 * thread is woken. An instance whose thread sleeps meanwhile (until the fire time of a trigger it acquired, such as
 * the 30 s inbox sweep or heartbeat, or for its idle wait of up to 30 s) sees the flow only when it wakes. So when
 * the instance that ran both flows stops taking work, the other may take them over only up to 30 s later: as long
 * as a wait here allowed, too little on a busy machine. Here both instances look again at least once a second (the
 * shortest idle wait Quartz allows), so a hand-over takes a second or two, well within the waits.
 */
class TwoPortalsOneDatabaseIT {

    private static final Logger log = LoggerFactory.getLogger(TwoPortalsOneDatabaseIT.class);
    private static final String INSTANCE_ID = "spring.quartz.properties.org.quartz.scheduler.instanceId";
    private static final String IDLE_WAIT = "spring.quartz.properties.org.quartz.scheduler.idleWaitTime";
    private static final Duration EVERY = Duration.ofMillis(200);
    private static final int FIRINGS = 5;

    final JdbcClient superuser = TestDatabases.superuser(TwoPortalsOneDatabaseIT.class);

    @Test
    void eachFiringOfATenantFlowRunsOnceOnOneOfTwoClusteredPortalsAndNeverOverlapsTheLast() throws Exception {
        // an instance looks for due triggers at least once a second (see above), not only every 30 s
        // and a scheduler name of their own: Quartz keys its schedulers and their connection pools by name in the
        // JVM, so the contexts other test classes leave cached (named "crossdock", on other databases) must not
        // lend these portals their pools
        PortalSettings settings = PortalSettings.forNewDatabaseOf(TwoPortalsOneDatabaseIT.class)
                .with(IDLE_WAIT, "1000")
                .with("spring.quartz.properties.org.quartz.scheduler.instanceName", "crossdock-two-portals");
        FiringLog firings = new FiringLog();
        TenantId apparel = TenantId.random();
        TenantId home = TenantId.random();
        JobKey apparelFlow = JobKey.jobKey("flow", "tenant:" + apparel);
        JobKey homeFlow = JobKey.jobKey("flow", "tenant:" + home);
        try (Portal east = Portal.start(settings.with(INSTANCE_ID, "portal-east"));
                Portal west = Portal.start(settings.with(INSTANCE_ID, "portal-west"));
                // in one JVM both schedulers (named alike) get their connections from the pool registered last,
                // west's: east stops first, while that pool is open
                AutoCloseable inStartOrder = () -> closeInOrder(east, west)) {
            firings.listenTo(east.bean(Scheduler.class));
            firings.listenTo(west.bean(Scheduler.class));
            Scheduler eastScheduler = east.bean(Scheduler.class);
            Scheduler westScheduler = west.bean(Scheduler.class);
            east.bean(TenantJobs.class).scheduleEvery(apparel, "flow", SlowFlowJob.class, EVERY);
            west.bean(TenantJobs.class).scheduleEvery(home, "flow", SlowFlowJob.class, EVERY);
            await("each flow fired " + FIRINGS + " times").atMost(Duration.ofSeconds(30))
                    .until(() -> firings.finishedOf(apparelFlow) >= FIRINGS && firings.finishedOf(homeFlow) >= FIRINGS);
            // a paused instance finishes the runs it started; the other takes both flows over, without a double run
            eastScheduler.standby();
            awaitMoreRuns(firings, "portal-west", apparelFlow, homeFlow);
            eastScheduler.start();
            westScheduler.standby();
            awaitMoreRuns(firings, "portal-east", apparelFlow, homeFlow);
            westScheduler.start();
            east.bean(TenantJobs.class).unschedule(apparel, "flow");
            west.bean(TenantJobs.class).unschedule(home, "flow");
            await("the last runs finished").atMost(Duration.ofSeconds(30)).until(firings::allFinished);
            log.info("Runs by instance: apparel {}, home {}", firings.instancesOf(apparelFlow),
                    firings.instancesOf(homeFlow));

            assertThat(superuser.sql("SELECT instance_name FROM qrtz_scheduler_state").query(String.class).list())
                    .as("scheduler instances in the cluster").contains("portal-east", "portal-west");
            SoftAssertions softly = new SoftAssertions();
            for (var flow : List.of(new Flow(apparel, apparelFlow), new Flow(home, homeFlow))) {
                List<Firing> runs = firings.of(flow.job());
                softly.assertThat(runs.stream().map(Firing::scheduledFor).toList())
                        .as("scheduled fire times of %s", flow.job()).doesNotHaveDuplicates();
                softly.assertThat(overlapping(runs)).as("runs of %s that started before the last one ended",
                        flow.job()).isEmpty();
                softly.assertThat(runs).as("runs of %s", flow.job())
                        .allSatisfy(run -> assertThat(run.tenant()).isEqualTo(flow.tenant()));
                softly.assertThat(firings.instancesOf(flow.job())).as("instances that ran %s", flow.job())
                        .containsOnlyKeys("portal-east", "portal-west");
            }
            softly.assertAll();
        }
    }

    private static void closeInOrder(Portal first, Portal second) {
        try {
            first.close();
        } finally {
            second.close();
        }
    }

    /** Waits until {@code instance} ran each flow {@link #FIRINGS} times more than it had when called. */
    private static void awaitMoreRuns(FiringLog firings, String instance, JobKey... flows) {
        long started = System.nanoTime();
        Map<JobKey, Long> before = new LinkedHashMap<>();
        for (JobKey flow : flows) {
            before.put(flow, runsOn(firings, instance, flow));
        }
        await("each flow run " + FIRINGS + " more times on " + instance).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(before).allSatisfy((flow, runs) -> assertThat(
                        runsOn(firings, instance, flow)).as("runs of %s on %s", flow, instance)
                        .isGreaterThanOrEqualTo(runs + FIRINGS)));
        log.info("{} ran each flow {} more times in {} ms", instance, FIRINGS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static long runsOn(FiringLog firings, String instance, JobKey flow) {
        return firings.instancesOf(flow).getOrDefault(instance, 0L);
    }

    /** Runs that started before the run before them ended. */
    private static List<Firing> overlapping(List<Firing> runs) {
        return IntStream.range(1, runs.size())
                .filter(i -> runs.get(i).startedNanos() < runs.get(i - 1).finishedNanos())
                .mapToObj(runs::get).toList();
    }

    private record Flow(TenantId tenant, JobKey job) {
    }
}
