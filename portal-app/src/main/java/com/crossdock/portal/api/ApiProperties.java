package com.crossdock.portal.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public API.
 *
 * @param requestsPerMinute how many calls one API client may make per minute: a token bucket per client that refills
 *                          evenly, kept in the database so the limit holds across all portal instances; more are
 *                          answered 429 with {@code Retry-After}
 */
@ConfigurationProperties("crossdock.api")
public record ApiProperties(@DefaultValue("120") int requestsPerMinute) {
}
