package com.crossdock.portal.audit;

import java.time.Instant;
import java.util.List;

/**
 * One audited change of one record.
 *
 * @param entityType what kind of record, e.g. "Tenant"
 * @param entityLabel which record, in words
 * @param kind created, changed or deleted
 * @param changes the fields that changed, with before and after
 */
public record AuditEntry(long revision, Instant occurredAt, String actor, String entityType, String entityLabel,
        Kind kind, List<FieldChange> changes) {

    public AuditEntry {
        changes = List.copyOf(changes);
    }

    public enum Kind {
        CREATED("Created"), CHANGED("Changed"), DELETED("Deleted");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The changes in one line, for lists. */
    public String summary() {
        return String.join("; ", changes.stream().map(FieldChange::toString).toList());
    }
}
