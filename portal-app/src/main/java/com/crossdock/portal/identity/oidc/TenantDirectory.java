package com.crossdock.portal.identity.oidc;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Optional;

/**
 * Finds the tenant a Keycloak organization stands for. The tenant feature depends on identity, so identity asks
 * through this interface and the application wires it to the tenant service.
 */
@FunctionalInterface
public interface TenantDirectory {

    /** The tenant whose code is {@code code}, ignoring case; called as a system actor during sign-in. */
    Optional<TenantId> byCode(String code);
}
