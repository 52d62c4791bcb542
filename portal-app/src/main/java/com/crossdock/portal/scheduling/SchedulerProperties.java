package com.crossdock.portal.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of Crossdock's own scheduling (Quartz itself is set under {@code spring.quartz}).
 *
 * @param heartbeatInterval how often each scheduler instance records that it is alive; health turns DOWN
 *                          after three missed beats
 */
@ConfigurationProperties("crossdock.scheduler")
public record SchedulerProperties(Duration heartbeatInterval) {

    public SchedulerProperties {
        if (heartbeatInterval == null) {
            heartbeatInterval = Duration.ofSeconds(30);
        }
        if (heartbeatInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("crossdock.scheduler.heartbeat-interval must be at least 1s");
        }
    }
}
