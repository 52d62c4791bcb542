package com.crossdock.portal.api;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Set;
import java.util.UUID;

/**
 * The principal of an API call: the client, its tenant and scopes. To the feature services it is a brand user of
 * that tenant named {@code api:<client>}, so their tenant checks, method security and audit fields apply unchanged;
 * the scopes narrow what the API's endpoints let it do.
 */
record ApiCaller(UUID clientId, String clientName, TenantId tenant, Set<ApiScope> scopes)
        implements CurrentUser.SignedInPrincipal {

    ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public SignedInUser user() {
        return new SignedInUser(clientId, "api:" + clientName, clientName + " (API)", Set.of(Role.BRAND_USER), tenant);
    }
}
