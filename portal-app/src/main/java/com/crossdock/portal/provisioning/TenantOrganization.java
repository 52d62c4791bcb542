package com.crossdock.portal.provisioning;

/** The Keycloak organization a tenant is: alias = the tenant's code lower-cased, name = the tenant's name. */
public record TenantOrganization(String alias, String name) {

    public static TenantOrganization of(String tenantCode, String tenantName) {
        return new TenantOrganization(tenantCode.toLowerCase(java.util.Locale.ROOT), tenantName);
    }
}
