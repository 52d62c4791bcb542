package com.crossdock.portal.tenant;

import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant's editable details, with the version the edit is based on (optimistic locking). */
public record TenantDetails(TenantId id, String name, String code, TenantStatus status,
        @Nullable UUID accountManagerId, @Nullable String accentColor, boolean hasLogo, long version) {
}
