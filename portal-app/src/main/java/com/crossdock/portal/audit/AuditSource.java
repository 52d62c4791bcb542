package com.crossdock.portal.audit;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.List;
import org.hibernate.envers.AuditReader;

/**
 * A feature's contribution to a tenant's audit trail: the changes of its audited records. Called inside the
 * tenant's scope by the service that checked the caller's access.
 */
public interface AuditSource {

    /** The kind of record, as the audit view's filter names it. */
    String entityType();

    /** Every change of this kind of record for {@code tenant}, newest first. */
    List<AuditEntry> entries(AuditReader reader, TenantId tenant);
}
