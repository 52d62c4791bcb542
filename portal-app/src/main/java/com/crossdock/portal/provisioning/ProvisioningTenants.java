package com.crossdock.portal.provisioning;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Optional;

/**
 * The tenants provisioning may work on. The tenant feature depends on provisioning, so provisioning asks through
 * this interface, which the tenant feature implements.
 */
public interface ProvisioningTenants {

    /** The tenant's organization if the signed-in user may change that tenant; empty otherwise ("not found"). */
    Optional<TenantOrganization> changeableByCurrentUser(TenantId tenant);
}
