package com.crossdock.e2e;

/** The tenants the portal seeds; their codes are also the aliases of the Keycloak realm's organizations. */
public enum DemoTenant {
    HARBOR_AND_PINE("Harbor & Pine Apparel", "HPA"),
    OAKLINE("Oakline Home", "OAK");

    private final String displayName;
    private final String code;

    DemoTenant(String displayName, String code) {
        this.displayName = displayName;
        this.code = code;
    }

    public String displayName() {
        return displayName;
    }

    public String code() {
        return code;
    }

    /** How the tenant switcher labels it. */
    public String switcherLabel() {
        return displayName + " (" + code + ")";
    }
}
