package com.crossdock.portal.governance;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One exception queue of a tenant: who answers for it and how soon.
 *
 * @param code          the reason code
 * @param label         what the reason means
 * @param party         "Brand" or "3PL"
 * @param response      how soon an exception of the queue should be answered
 * @param follows       the kind of data whose owner the default side follows (its label), or null for a fixed side
 * @param confirmed     whether the tenant chose or confirmed this queue's owner (else it is the default)
 * @param changedBy     who chose it
 * @param changedAt     when
 */
public record ExceptionOwner(String code, String label, String party, Duration response, @Nullable String follows,
        boolean confirmed, @Nullable String changedBy, @Nullable Instant changedAt) {
}
