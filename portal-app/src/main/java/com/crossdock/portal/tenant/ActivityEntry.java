package com.crossdock.portal.tenant;

import java.time.Instant;

/** One line of a tenant's activity trail. */
public record ActivityEntry(Instant occurredAt, String actor, String action, String detail) {
}
