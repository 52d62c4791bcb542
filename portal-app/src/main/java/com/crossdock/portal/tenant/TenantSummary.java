package com.crossdock.portal.tenant;

import com.crossdock.portal.provisioning.Provisioning;
import com.crossdock.tenantconfig.onboarding.OnboardingStage;
import com.crossdock.tenantconfig.tenant.TenantCode;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant as lists and the switcher show it, with where it stands in being set up in Keycloak. */
public record TenantSummary(TenantId id, String name, TenantCode code, TenantStatus status,
        @Nullable UUID accountManagerId, @Nullable String accountManagerName, OnboardingStage stage,
        Provisioning provisioning) {
}
