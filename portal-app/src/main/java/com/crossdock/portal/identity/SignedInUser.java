package com.crossdock.portal.identity;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is making a call: id, names, roles and, for a brand's people, the one tenant they belong to.
 *
 * @param homeTenant the brand tenant of a brand user or brand leader; {@code null} for the 3PL's people
 */
public record SignedInUser(UUID id, String username, String displayName, Set<Role> roles,
        @Nullable TenantId homeTenant) {

    public SignedInUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A brand's API client acting through the public API ({@code api:<client>}), not a person. */
    public boolean isApiClient() {
        return username.startsWith("api:");
    }

    /** The 3PL's own people: platform admins, account managers, and leaders without a brand. */
    public boolean isThreePlStaff() {
        return homeTenant == null && !roles.isEmpty();
    }

    /** A user who may open nothing yet: no role, or a brand role without a tenant. */
    public boolean hasNoAccess() {
        return roles.isEmpty() || (homeTenant == null && roles.stream().allMatch(Role::isBrandRole));
    }

    public Optional<TenantId> home() {
        return Optional.ofNullable(homeTenant);
    }

    /** The most senior role, for display. */
    public Optional<Role> primaryRole() {
        return roles.stream().sorted().findFirst();
    }
}
