package com.crossdock.portal.uat;

import com.crossdock.portal.identity.Role;

/** Who signs a passing run: the brand's admin and the 3PL's account manager, each once. */
public enum SignOffRole {
    BRAND_ADMIN("Brand admin", Role.BRAND_ADMIN),
    ACCOUNT_MANAGER("Account manager", Role.ACCOUNT_MANAGER);

    private final String label;
    private final Role role;

    SignOffRole(String label, Role role) {
        this.label = label;
        this.role = role;
    }

    public String label() {
        return label;
    }

    /** The role a person needs to sign as this. */
    public Role role() {
        return role;
    }
}
