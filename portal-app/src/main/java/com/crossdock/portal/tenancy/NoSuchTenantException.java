package com.crossdock.portal.tenancy;

import com.crossdock.tenantconfig.tenant.TenantId;

/** The tenant named in a call does not exist (or no longer exists). */
public class NoSuchTenantException extends RuntimeException {

    public NoSuchTenantException(TenantId id) {
        super("There is no tenant " + id);
    }
}
