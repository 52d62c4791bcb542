package com.crossdock.e2e;

import java.util.Set;

/** The users the portal seeds into an empty home, with what each one's role should see. */
enum DemoUser {

    PLATFORM_ADMIN("platform.admin", null, true, Navigation.TENANTS, Navigation.OVERVIEW),
    ACCOUNT_MANAGER("account.manager", null, true, Navigation.TENANTS, Navigation.OVERVIEW),
    LEADERSHIP("leadership", null, true, Navigation.TENANTS, Navigation.OVERVIEW),
    BRAND_ADMIN("brand.admin", DemoTenant.HARBOR_AND_PINE, false, Navigation.OVERVIEW),
    BRAND_USER("brand.user", DemoTenant.HARBOR_AND_PINE, false, Navigation.OVERVIEW),
    OAKLINE_ADMIN("oakline.admin", DemoTenant.OAKLINE, false, Navigation.OVERVIEW);

    static final String PASSWORD = "crossdock-demo";

    /** Signs in but has neither a tenant nor a role yet. */
    static final String PENDING_USERNAME = "pending.user";

    private final String username;
    private final DemoTenant tenant;
    private final boolean switchesTenants;
    private final Set<Navigation> navigation;

    DemoUser(String username, DemoTenant tenant, boolean switchesTenants, Navigation... navigation) {
        this.username = username;
        this.tenant = tenant;
        this.switchesTenants = switchesTenants;
        this.navigation = Set.of(navigation);
    }

    String username() {
        return username;
    }

    /** The brand this user belongs to; {@code null} for 3PL staff, who work across tenants. */
    DemoTenant tenant() {
        return tenant;
    }

    boolean switchesTenants() {
        return switchesTenants;
    }

    Set<Navigation> navigation() {
        return navigation;
    }

    @Override
    public String toString() {
        return username;
    }

    /** Side navigation items, by the ids the portal gives them. */
    enum Navigation {
        TENANTS("nav-tenants"),
        OVERVIEW("nav-overview");

        private final String id;

        Navigation(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    /** The tenants the portal seeds. */
    enum DemoTenant {
        HARBOR_AND_PINE("Harbor & Pine Apparel", "HPA"),
        OAKLINE("Oakline Home", "OAK");

        private final String displayName;
        private final String code;

        DemoTenant(String displayName, String code) {
            this.displayName = displayName;
            this.code = code;
        }

        String displayName() {
            return displayName;
        }

        String code() {
            return code;
        }
    }
}
