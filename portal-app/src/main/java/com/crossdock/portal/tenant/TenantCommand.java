package com.crossdock.portal.tenant;

import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a 3PL user enters to create or change a tenant. Validated by {@link TenantService}. */
public record TenantCommand(@Nullable String name, @Nullable String code, @Nullable TenantStatus status,
        @Nullable UUID accountManagerId, @Nullable String accentColor) {
}
