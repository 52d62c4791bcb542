package com.crossdock.portal.health;

import com.crossdock.tenantconfig.onboarding.OnboardingStage;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.Map;

/**
 * One tenant in an account manager's portfolio.
 *
 * @param stage            the onboarding stage computed from data (as on the Overview)
 * @param colour           health of the last 24 hours
 * @param runs             flow runs in the last 24 hours
 * @param failedRuns       failed runs in the last 24 hours
 * @param openExceptions   open exceptions now
 * @param openByOwner      open exceptions per owner ("Unassigned" for none)
 * @param breaches         open exceptions older than the response time
 * @param uatStatus        what the UAT feature says of the tenant ({@link PortfolioUatStatus}), in words
 */
public record PortfolioRow(TenantId tenant, String name, String code, TenantStatus status, OnboardingStage stage,
        HealthColour colour, long runs, long failedRuns, long openExceptions, Map<String, Long> openByOwner,
        long breaches, String uatStatus) {

    public PortfolioRow {
        openByOwner = Map.copyOf(openByOwner);
    }
}
