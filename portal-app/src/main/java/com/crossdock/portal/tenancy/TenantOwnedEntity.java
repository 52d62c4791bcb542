package com.crossdock.portal.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Base of every tenant-owned entity. Hibernate fills {@code tenant_id} from the {@link TenantScope} on insert
 * and adds {@code tenant_id = ?} to every query, so a forgotten filter cannot leak another tenant's rows.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable UUID tenantId;

    protected TenantOwnedEntity() {
    }

    public com.crossdock.tenantconfig.tenant.TenantId tenantId() {
        if (tenantId == null) {
            throw new IllegalStateException("not yet saved in a tenant scope");
        }
        return new com.crossdock.tenantconfig.tenant.TenantId(tenantId);
    }
}
