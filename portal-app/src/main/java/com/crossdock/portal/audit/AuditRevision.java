package com.crossdock.portal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.jspecify.annotations.Nullable;

/** One audited change set: when, by whom, for which tenant. Written by Envers with every audited change. */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private long id;

    @RevisionTimestamp
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt = Instant.EPOCH;

    @Column(nullable = false)
    private String actor = "";

    @Column(name = "tenant_id")
    private @Nullable UUID tenantId;

    protected AuditRevision() {
    }

    void describe(String actor, @Nullable UUID tenantId) {
        this.actor = actor;
        this.tenantId = tenantId;
    }

    public long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public @Nullable UUID tenantId() {
        return tenantId;
    }
}
