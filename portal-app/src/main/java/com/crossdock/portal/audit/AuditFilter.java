package com.crossdock.portal.audit;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Narrows an audit trail: by who acted (part of the username), by kind of record, by time.
 *
 * @param actor      part of the username, any case; {@code null} for everyone
 * @param entityType exact kind of record; {@code null} for all
 * @param from       inclusive; {@code null} for no lower bound
 * @param to         exclusive; {@code null} for no upper bound
 */
public record AuditFilter(@Nullable String actor, @Nullable String entityType, @Nullable Instant from,
        @Nullable Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null);

    public boolean matches(AuditEntry entry) {
        return (actor == null || actor.isBlank()
                || entry.actor().toLowerCase(Locale.ROOT).contains(actor.strip().toLowerCase(Locale.ROOT)))
                && (entityType == null || entityType.equals(entry.entityType()))
                && (from == null || !entry.occurredAt().isBefore(from))
                && (to == null || entry.occurredAt().isBefore(to));
    }
}
