package com.crossdock.portal.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an Amazon connection's SQS queue of SP-API notifications is read (at the start of each order import).
 *
 * @param waitTime          how long one {@code ReceiveMessage} waits for a message when the queue is empty (long
 *                          polling; 0 to 20 seconds)
 * @param visibilityTimeout how long a received message stays hidden from other readers; one not deleted by then
 *                          (its handling failed) is delivered again
 * @param maxBatches        how many receives of up to ten messages one order import makes at most, so a flooded
 *                          queue does not hold up the orders
 */
@ConfigurationProperties("crossdock.amazon.notifications")
public record AmazonNotificationProperties(@DefaultValue("2s") Duration waitTime,
        @DefaultValue("120s") Duration visibilityTimeout, @DefaultValue("10") int maxBatches) {
}
