package com.crossdock.portal.identity;

import java.util.Arrays;
import java.util.Optional;

/** The five roles of Crossdock. The 3PL's people hold the first two; brand people the next two. */
public enum Role {
    /** The 3PL's system owner: users and roles, the WMS connection, global settings. */
    PLATFORM_ADMIN("platform-admin", "Platform admin", false),
    /** The 3PL's onboarding lead: creates tenants, tracks onboarding, co-signs UAT. */
    ACCOUNT_MANAGER("account-manager", "Account manager", false),
    /** The brand's ops lead: connects channels, maps the catalog, signs off UAT. */
    BRAND_ADMIN("brand-admin", "Brand admin", true),
    /** A member of the brand's ops team. */
    BRAND_USER("brand-user", "Brand user", true),
    /** Read-only dashboards: all clients for the 3PL's leaders, its own tenant for a brand's. */
    LEADERSHIP_VIEWER("leadership-viewer", "Leadership", false);

    /** Spring Security authority names, for {@code @RolesAllowed} and {@code @PreAuthorize}. */
    public static final String PLATFORM_ADMIN_AUTHORITY = "ROLE_PLATFORM_ADMIN";
    public static final String ACCOUNT_MANAGER_AUTHORITY = "ROLE_ACCOUNT_MANAGER";

    private final String externalName;
    private final String label;
    private final boolean brandRole;

    Role(String externalName, String label, boolean brandRole) {
        this.externalName = externalName;
        this.label = label;
        this.brandRole = brandRole;
    }

    /** The name used in tokens and documents, e.g. {@code platform-admin}. */
    public String externalName() {
        return externalName;
    }

    public String label() {
        return label;
    }

    /** Whether the role only exists inside one brand's tenant. */
    public boolean isBrandRole() {
        return brandRole;
    }

    /** The Spring Security authority, e.g. {@code ROLE_PLATFORM_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromAuthority(String authority) {
        return Arrays.stream(values()).filter(role -> role.authority().equals(authority)).findFirst();
    }
}
