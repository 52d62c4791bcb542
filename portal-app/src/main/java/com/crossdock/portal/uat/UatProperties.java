package com.crossdock.portal.uat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of UAT runs.
 *
 * @param stepDeadline how long a step waits for the pipeline to reach what it expects (an order released, a flow
 *                     run finished) before it fails saying what it saw
 */
@ConfigurationProperties("crossdock.uat")
public record UatProperties(@DefaultValue("30s") Duration stepDeadline) {
}
