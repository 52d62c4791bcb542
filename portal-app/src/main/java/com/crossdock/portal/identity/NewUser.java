package com.crossdock.portal.identity;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A command to create a local user. Brand roles require a tenant; 3PL roles forbid one. */
public record NewUser(String username, String displayName, @Nullable String email, String password,
        Set<Role> roles, @Nullable TenantId tenant) {

    public NewUser {
        roles = Set.copyOf(roles);
    }
}
