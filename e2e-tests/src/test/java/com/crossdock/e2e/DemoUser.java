package com.crossdock.e2e;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The users the portal seeds into an empty home, with what each one's role should see. The side navigation a
 * user sees is every {@linkplain Navigation#forEveryone() common section} plus the sections listed here for them.
 */
enum DemoUser {

    PLATFORM_ADMIN("platform.admin", "Priya Admin (3PL)", null, true, Navigation.PORTFOLIO, Navigation.LEADERSHIP,
            Navigation.WAREHOUSE, Navigation.TENANTS, Navigation.AUDIT),
    ACCOUNT_MANAGER("account.manager", "Marco Manager (3PL)", null, true, Navigation.PORTFOLIO, Navigation.WAREHOUSE,
            Navigation.TENANTS, Navigation.AUDIT),
    LEADERSHIP("leadership", "Lena Leader (3PL)", null, true, Navigation.LEADERSHIP, Navigation.TENANTS),
    BRAND_ADMIN("brand.admin", "Bea Admin (Harbor & Pine)", DemoTenant.HARBOR_AND_PINE, false, Navigation.API,
            Navigation.WEBHOOKS, Navigation.AUDIT),
    BRAND_USER("brand.user", "Ben User (Harbor & Pine)", DemoTenant.HARBOR_AND_PINE, false, Navigation.API,
            Navigation.WEBHOOKS),
    OAKLINE_ADMIN("oakline.admin", "Olga Admin (Oakline)", DemoTenant.OAKLINE, false, Navigation.API,
            Navigation.WEBHOOKS, Navigation.AUDIT);

    static final String PASSWORD = "crossdock-demo";

    /** Signs in but has neither a tenant nor a role yet. */
    static final String PENDING_USERNAME = "pending.user";

    private final String username;
    private final String displayName;
    private final DemoTenant tenant;
    private final boolean switchesTenants;
    private final Set<String> navigation;

    DemoUser(String username, String displayName, DemoTenant tenant, boolean switchesTenants,
            Navigation... roleSections) {
        this.username = username;
        this.displayName = displayName;
        this.tenant = tenant;
        this.switchesTenants = switchesTenants;
        this.navigation = Stream.concat(Arrays.stream(Navigation.values()).filter(Navigation::forEveryone),
                        Arrays.stream(roleSections))
                .map(Navigation::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    /** The brand this user belongs to; {@code null} for 3PL staff, who work across tenants. */
    DemoTenant tenant() {
        return tenant;
    }

    boolean switchesTenants() {
        return switchesTenants;
    }

    /** The ids of the side navigation items this user should see, and no others. */
    Set<String> navigation() {
        return navigation;
    }

    @Override
    public String toString() {
        return username;
    }

    /**
     * The portal's sections, by the ids of their side navigation items. When the portal gains a section, add
     * it here: as common, or to exactly the users meant to see it.
     */
    enum Navigation {
        OVERVIEW("nav-overview", true),
        HEALTH("nav-health", true),
        HYPERCARE("nav-hypercare", true),
        CHANNELS("nav-channels", true),
        FLOWS("nav-flows", true),
        CATALOG("nav-catalog", true),
        BUNDLES("nav-bundles", true),
        IMPORT("nav-import", true),
        DATA_QUALITY("nav-quality", true),
        ORDERS("nav-orders", true),
        EXCEPTIONS("nav-exceptions", true),
        STOCK("nav-stock", true),
        RECEIVING("nav-receiving", true),
        RETURNS("nav-returns", true),
        DOCUMENTS("nav-documents", true),
        /** Everyone reads the source of truth and ship-method mappings; brand admins change them. */
        SETUP("nav-setup", true),
        /** Everyone reads UAT runs and reports; brand admins and account managers run and sign them. */
        UAT("nav-uat", true),
        /** Everyone reads which flows are live and the shadow differences; managers switch flows live. */
        GO_LIVE("nav-golive", true),
        /** A brand's own people: its API clients (brand admins create and revoke them). */
        API("nav-api", false),
        /** A brand's own people: its outbound webhooks (brand admins subscribe and redeliver). */
        WEBHOOKS("nav-webhooks", false),
        /** The 3PL's platform admins and account managers: the tenants they look after. */
        PORTFOLIO("nav-portfolio", false),
        /** Leadership viewers (a brand's leader sees only their own tenant) and the 3PL's platform admins. */
        LEADERSHIP("nav-leadership", false),
        /** The 3PL's platform admins and account managers: warehouses are the 3PL's. */
        WAREHOUSE("nav-warehouse", false),
        /** 3PL staff only: a brand seeing the list of brands would be a leak. */
        TENANTS("nav-tenants", false),
        /** Platform admins, account managers and a brand's own admins. */
        AUDIT("nav-audit", false);

        private final String id;
        private final boolean forEveryone;

        Navigation(String id, boolean forEveryone) {
            this.id = id;
            this.forEveryone = forEveryone;
        }

        String id() {
            return id;
        }

        /** Shown to everyone who has a tenant or a role. */
        boolean forEveryone() {
            return forEveryone;
        }
    }
}
