package com.crossdock.portal.governance;

import com.crossdock.tenantconfig.tenant.TenantId;

/**
 * The readiness item "UAT passed and signed", which the UAT feature works out; an interface here so governance
 * needs nothing of that feature (features never depend on each other both ways).
 */
public interface UatReadiness {

    /** The item for the tenant whose access was checked already. */
    ReadinessItem item(TenantId tenant);
}
