package com.crossdock.portal.health;

import java.time.Instant;

/**
 * A tenant's key for signing its alert webhooks, as people see it: never the secret itself.
 *
 * @param hint the first characters of the secret, to tell keys apart
 */
public record AlertSigningKey(String hint, String createdBy, Instant createdAt) {
}
