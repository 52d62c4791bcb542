package com.crossdock.portal.tenant;

import com.crossdock.portal.tenancy.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a tenant, who did it and when: the tenant's audit trail. */
@Entity
@Table(name = "tenant_activity")
class TenantActivity extends TenantOwnedEntity {

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String detail;

    protected TenantActivity() {
        this.id = UUID.randomUUID();
        this.occurredAt = Instant.EPOCH;
        this.actor = "";
        this.action = "";
        this.detail = "";
    }

    TenantActivity(Instant occurredAt, String actor, String action, String detail) {
        this.id = UUID.randomUUID();
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.detail = detail.length() > 500 ? detail.substring(0, 497) + "..." : detail;
    }

    ActivityEntry toEntry() {
        return new ActivityEntry(occurredAt, actor, action, detail);
    }
}
