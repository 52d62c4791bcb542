package com.crossdock.portal.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API client as the API view lists it; the key itself is never kept, only its first characters to recognise it.
 *
 * @param keyPrefix  the key's first characters, e.g. {@code cdk_1a2b…}
 * @param lastUsedAt the last call made with it (to the minute), or {@code null} when never used
 * @param revokedAt  when it was revoked, or {@code null} while it works
 */
public record ApiClientView(UUID id, String name, String keyPrefix, Set<ApiScope> scopes, String createdBy,
        Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public ApiClientView {
        scopes = Set.copyOf(scopes);
    }

    public boolean active() {
        return revokedAt == null;
    }
}
