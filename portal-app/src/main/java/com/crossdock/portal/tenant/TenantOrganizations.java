package com.crossdock.portal.tenant;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.provisioning.ProvisioningTenants;
import com.crossdock.portal.provisioning.TenantOrganization;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells provisioning which tenants the signed-in user may set up, by the tenant's own access rules. */
@Component
class TenantOrganizations implements ProvisioningTenants {

    private final TenantRepository tenants;

    TenantOrganizations(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TenantOrganization> changeableByCurrentUser(TenantId tenant) {
        return tenants.findById(tenant.value())
                .filter(found -> TenantAccess.canChange(CurrentUser.require(), found))
                .map(found -> TenantOrganization.of(found.code(), found.name()));
    }
}
