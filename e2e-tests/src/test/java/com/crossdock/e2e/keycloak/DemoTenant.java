package com.crossdock.e2e.keycloak;

/** The demo tenants; their codes are the aliases of the realm's organizations. */
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

    /** How the tenant switcher labels it. */
    String switcherLabel() {
        return displayName + " (" + code + ")";
    }
}
