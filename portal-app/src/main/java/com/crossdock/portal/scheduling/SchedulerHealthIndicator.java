package com.crossdock.portal.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the scheduler: UP when Quartz runs and this instance's heartbeat is recent, DOWN when Quartz is
 * stopped or three beats were missed (jobs are not firing).
 */
@Component("scheduler")
class SchedulerHealthIndicator implements HealthIndicator {

    private final Scheduler scheduler;
    private final HeartbeatService heartbeats;
    private final SchedulerProperties properties;
    private final Clock clock;
    private final Instant startedAt;

    SchedulerHealthIndicator(Scheduler scheduler, HeartbeatService heartbeats, SchedulerProperties properties,
            Clock clock) {
        this.scheduler = scheduler;
        this.heartbeats = heartbeats;
        this.properties = properties;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public Health health() {
        try {
            if (!scheduler.isStarted() || scheduler.isShutdown() || scheduler.isInStandbyMode()) {
                return Health.down().withDetail("reason", "Quartz is not running").build();
            }
            String instanceId = scheduler.getSchedulerInstanceId();
            Duration allowed = properties.heartbeatInterval().multipliedBy(3);
            Instant now = clock.instant();
            var mine = heartbeats.heartbeats().stream().filter(h -> h.instanceId().equals(instanceId)).findFirst();
            Health.Builder health = Health.up()
                    .withDetail("instanceId", instanceId)
                    .withDetail("clustered", scheduler.getMetaData().isJobStoreClustered());
            if (mine.isPresent()) {
                Duration age = Duration.between(mine.get().lastBeat(), now);
                health.withDetail("lastHeartbeat", mine.get().lastBeat().toString())
                        .withDetail("heartbeats", mine.get().beats());
                if (age.compareTo(allowed) > 0) {
                    return health.down().withDetail("reason", "No heartbeat for " + age.toSeconds() + " s").build();
                }
            } else if (Duration.between(startedAt, now).compareTo(allowed) > 0) {
                return health.down().withDetail("reason", "No heartbeat since start").build();
            }
            return health.build();
        } catch (SchedulerException e) {
            return Health.down(e).build();
        }
    }
}
