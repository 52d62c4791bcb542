package com.crossdock.portal.catalog;

import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipCheck;
import com.crossdock.tenantconfig.truth.SystemKind;

/**
 * Who owns master SKU data and bundle definitions for a tenant, and whether a source may change them: the catalog
 * asks before it writes. Governance answers (it knows the tenant's source of truth), so the catalog never depends on
 * it.
 */
public interface CatalogOwnership {

    /** Whether {@code source} may change {@code dataType} of the tenant, with the owner and the refusal's sentence. */
    OwnershipCheck check(TenantId tenant, DataType dataType, SystemKind source);
}
