package com.crossdock.portal.demo;

import com.crossdock.portal.database.NoExternalDatabaseCondition;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.identity.UserSummary;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Two demo tenants (a DTC apparel brand on Shopify, an Amazon-FBA-heavy home-goods brand) and one user per
 * role, created only into an empty database and only when the demo is on.
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TenantService tenants;
    private final IdentityService identity;
    private final DemoProperties properties;
    private final Environment environment;
    private final List<String> credentials = new ArrayList<>();

    DemoData(TenantService tenants, IdentityService identity, DemoProperties properties, Environment environment) {
        this.tenants = tenants;
        this.identity = identity;
        this.properties = properties;
        this.environment = environment;
    }

    /** Whether the demo is on: as configured, or by default when the database is the embedded one. */
    public boolean enabled() {
        Boolean configured = properties.enabled();
        return configured != null ? configured : !NoExternalDatabaseCondition.usesExternalDatabase(environment);
    }

    /** Creates the demo data if the demo is on and there are no users yet; returns the users created. */
    public List<String> seedIfEmpty() {
        if (!enabled()) {
            return List.of();
        }
        return SystemActor.call("demo", () -> {
            if (!tenants.visibleTenants().isEmpty() || !identity.accountManagers().isEmpty()) {
                log.info("Demo data skipped: the database already holds tenants or users");
                return List.of();
            }
            seed();
            return List.copyOf(credentials);
        });
    }

    private void seed() {
        user("platform.admin", "Priya Admin (3PL)", Set.of(Role.PLATFORM_ADMIN), null);
        UserSummary manager = user("account.manager", "Marco Manager (3PL)", Set.of(Role.ACCOUNT_MANAGER), null);
        user("leadership", "Lena Leader (3PL)", Set.of(Role.LEADERSHIP_VIEWER), null);
        TenantSummary apparel = tenants.create(new TenantCommand("Harbor & Pine Apparel", "HPA", TenantStatus.ACTIVE,
                manager.id(), "#2f6f4f"));
        TenantSummary home = tenants.create(new TenantCommand("Oakline Home", "OAK", TenantStatus.ACTIVE,
                manager.id(), "#9a5b13"));
        user("brand.admin", "Bea Admin (Harbor & Pine)", Set.of(Role.BRAND_ADMIN), apparel.id());
        user("brand.user", "Ben User (Harbor & Pine)", Set.of(Role.BRAND_USER), apparel.id());
        user("oakline.admin", "Olga Admin (Oakline)", Set.of(Role.BRAND_ADMIN), home.id());
        user("pending.user", "Pat Pending (no access)", Set.of(), null);
        tenants.recordActivity(apparel.id(), "Brand profile noted",
                "Direct-to-consumer apparel brand selling on Shopify; about 1,200 SKUs in sizes and colours");
        tenants.recordActivity(home.id(), "Brand profile noted",
                "Home-goods brand selling mostly through Amazon FBA; needs FNSKU labels and polybagging prep");
    }

    private UserSummary user(String username, String name, Set<Role> roles, @Nullable TenantId tenant) {
        UserSummary user = identity.createUser(new NewUser(username, name, null, properties.password(), roles, tenant));
        String roleNames = roles.isEmpty() ? "no role" : String.join(", ",
                roles.stream().map(Role::externalName).sorted().toList());
        credentials.add("%-15s %-22s %s".formatted(username, roleNames, name));
        return user;
    }
}
