package com.crossdock.portal.uat;

import com.crossdock.portal.health.PortfolioUatStatus;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The Portfolio's UAT column: each tenant's UAT stage in a few words, from {@link UatService#status}. */
@Component
class UatPortfolioStatus implements PortfolioUatStatus {

    private final UatService uat;

    UatPortfolioStatus(UatService uat) {
        this.uat = uat;
    }

    @Override
    public Map<TenantId, String> statusOf(Collection<TenantId> tenants) {
        Map<TenantId, String> words = new LinkedHashMap<>();
        for (TenantId tenant : tenants) {
            words.put(tenant, switch (uat.status(tenant).state()) {
                case NOT_RUN -> "Not run";
                case FAILING -> "Failing";
                case PASSED_UNSIGNED -> "Passed, to sign";
                case SIGNED -> "Signed off";
                case STALE -> "Sign-off stale";
            });
        }
        return words;
    }
}
