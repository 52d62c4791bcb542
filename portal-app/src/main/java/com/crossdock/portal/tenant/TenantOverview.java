package com.crossdock.portal.tenant;

import com.crossdock.tenantconfig.onboarding.OnboardingStage;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the Overview shows: the onboarding stage computed from data, the next step, and recent activity. */
public record TenantOverview(TenantId id, String name, String code, OnboardingStage stage, String nextStep,
        long brandUsers, int brandUsersSignedIn, @Nullable String accountManagerName, List<ActivityEntry> recent) {

    public TenantOverview {
        recent = List.copyOf(recent);
    }
}
