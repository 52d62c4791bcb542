package com.crossdock.portal.tenant;

import com.crossdock.portal.audit.AuditEntry;
import com.crossdock.portal.audit.AuditSource;
import com.crossdock.portal.audit.EntityHistory;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.List;
import org.hibernate.envers.AuditReader;
import org.springframework.stereotype.Component;

/** Which fields of a tenant the audit trail shows. */
@Component
class TenantHistory implements AuditSource {

    static final String TENANT_TYPE = "Tenant";

    static final EntityHistory<Tenant> TENANT = new EntityHistory<>(Tenant.class, TENANT_TYPE,
            tenant -> tenant.name() + " (" + tenant.code() + ")")
            .field("name", Tenant::name)
            .field("code", Tenant::code)
            .field("status", tenant -> tenant.status().label())
            .field("account manager", Tenant::accountManagerId)
            .field("accent colour", Tenant::accentColor)
            .field("logo", Tenant::logoContentType);

    @Override
    public String entityType() {
        return TENANT_TYPE;
    }

    @Override
    public List<AuditEntry> entries(AuditReader reader, TenantId tenant) {
        return TENANT.of(reader, tenant.value());
    }
}
