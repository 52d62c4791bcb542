package com.crossdock.portal.tenant;

import com.crossdock.portal.audit.EntityHistory;

/** Which fields of a tenant the audit trail shows. */
final class TenantHistory {

    static final String TENANT_TYPE = "Tenant";

    static final EntityHistory<Tenant> TENANT = new EntityHistory<>(Tenant.class, TENANT_TYPE,
            tenant -> tenant.name() + " (" + tenant.code() + ")")
            .field("name", Tenant::name)
            .field("code", Tenant::code)
            .field("status", tenant -> tenant.status().label())
            .field("account manager", Tenant::accountManagerId)
            .field("accent colour", Tenant::accentColor)
            .field("logo", Tenant::logoContentType);

    private TenantHistory() {
    }
}
