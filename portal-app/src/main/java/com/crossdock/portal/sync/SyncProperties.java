package com.crossdock.portal.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order pipeline.
 *
 * @param processingThreads how many inbox entries are processed at once in the background; keep it below the
 *                          connection pool so a burst of webhooks waits in the inbox instead of for connections
 * @param scheduleFlows     whether connecting a store schedules its flows (order import by polling); tests that
 *                          drive the flows themselves turn it off
 */
@ConfigurationProperties("crossdock.sync")
public record SyncProperties(@DefaultValue("4") int processingThreads, @DefaultValue("true") boolean scheduleFlows) {
}
