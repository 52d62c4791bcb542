package com.crossdock.portal.tenant;

import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import java.util.List;
import java.util.UUID;

/**
 * Who may see and change which tenant. A brand's people see only their own tenant; an account manager the
 * tenants assigned to them; platform admins and the 3PL's leaders every tenant. Only platform admins and the
 * assigned account manager change a tenant.
 */
final class TenantAccess {

    private TenantAccess() {
    }

    static List<Tenant> visible(SignedInUser user, TenantRepository tenants) {
        if (user.hasNoAccess()) {
            return List.of();
        }
        if (user.homeTenant() != null) {
            return tenants.findById(user.homeTenant().value()).stream().toList();
        }
        if (user.has(Role.PLATFORM_ADMIN) || user.has(Role.LEADERSHIP_VIEWER)) {
            return tenants.findAllByOrderByNameAsc();
        }
        if (user.has(Role.ACCOUNT_MANAGER)) {
            return tenants.findByAccountManagerIdOrderByNameAsc(user.id());
        }
        return List.of();
    }

    static boolean canSee(SignedInUser user, Tenant tenant) {
        if (user.hasNoAccess()) {
            return false;
        }
        if (user.homeTenant() != null) {
            return user.homeTenant().value().equals(tenant.id());
        }
        return user.has(Role.PLATFORM_ADMIN) || user.has(Role.LEADERSHIP_VIEWER) || isAssignedManager(user, tenant);
    }

    static boolean canChange(SignedInUser user, Tenant tenant) {
        return user.homeTenant() == null && (user.has(Role.PLATFORM_ADMIN) || isAssignedManager(user, tenant));
    }

    private static boolean isAssignedManager(SignedInUser user, Tenant tenant) {
        UUID manager = tenant.accountManagerId();
        return user.has(Role.ACCOUNT_MANAGER) && manager != null && manager.equals(user.id());
    }
}
