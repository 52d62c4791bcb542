package com.crossdock.portal.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jspecify.annotations.Nullable;

/**
 * Reads the revisions of one audited record and turns each into an {@link AuditEntry} with before/after values of
 * the fields a feature names. Features call this for their own audited entities.
 *
 * @param <E> the audited entity
 */
public final class EntityHistory<E> {

    private final Class<E> type;
    private final String entityType;
    private final Function<E, String> label;
    private final Map<String, Function<E, @Nullable Object>> fields = new LinkedHashMap<>();

    public EntityHistory(Class<E> type, String entityType, Function<E, String> label) {
        this.type = type;
        this.entityType = entityType;
        this.label = label;
    }

    /** Audits {@code field} of the entity, read by {@code getter}. */
    public EntityHistory<E> field(String field, Function<E, @Nullable Object> getter) {
        fields.put(field, getter);
        return this;
    }

    /** Every change of the record with {@code id}, newest first. */
    public List<AuditEntry> of(AuditReader reader, Object id) {
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = reader.createQuery().forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        return entries(revisions).reversed();
    }

    /**
     * Every change of every record of this type that belongs to {@code tenantId} (a tenant-owned entity), newest
     * first.
     */
    public List<AuditEntry> ofTenant(AuditReader reader, java.util.UUID tenantId, Function<E, Object> idOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = reader.createQuery().forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.property("tenantId").eq(tenantId))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Map<Object, List<Object[]>> byRecord = new LinkedHashMap<>();
        revisions.forEach(row -> byRecord.computeIfAbsent(idOf.apply(type.cast(row[0])), id -> new ArrayList<>())
                .add(row));
        List<AuditEntry> all = new ArrayList<>();
        byRecord.values().forEach(rows -> all.addAll(entries(rows)));
        all.sort(java.util.Comparator.comparingLong(AuditEntry::revision).reversed());
        return all;
    }

    /** One entry per revision of one record, oldest first, each compared with the one before. */
    private List<AuditEntry> entries(List<Object[]> revisions) {
        List<AuditEntry> entries = new ArrayList<>();
        E previous = null;
        for (Object[] row : revisions) {
            E state = type.cast(row[0]);
            AuditRevision revision = (AuditRevision) row[1];
            RevisionType revisionType = (RevisionType) row[2];
            entries.add(new AuditEntry(revision.id(), revision.occurredAt(), revision.actor(), entityType,
                    label.apply(revisionType == RevisionType.DEL && previous != null ? previous : state),
                    kind(revisionType), changes(previous, revisionType == RevisionType.DEL ? null : state)));
            previous = state;
        }
        return entries;
    }

    private List<FieldChange> changes(@Nullable E before, @Nullable E after) {
        List<FieldChange> changes = new ArrayList<>();
        fields.forEach((field, getter) -> {
            String was = before == null ? null : text(getter.apply(before));
            String now = after == null ? null : text(getter.apply(after));
            if (!Objects.equals(was, now)) {
                changes.add(new FieldChange(field, was, now));
            }
        });
        return changes;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static AuditEntry.Kind kind(RevisionType type) {
        return switch (type) {
            case ADD -> AuditEntry.Kind.CREATED;
            case MOD -> AuditEntry.Kind.CHANGED;
            case DEL -> AuditEntry.Kind.DELETED;
        };
    }
}
