package com.crossdock.portal.audit;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.tenancy.TenantScope;
import com.crossdock.tenantconfig.tenant.TenantId;
import org.hibernate.envers.RevisionListener;

/** Stamps each revision with the acting user (or system actor) and the tenant whose scope is open. */
public class AuditRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        ((AuditRevision) revisionEntity).describe(CurrentUser.actor(),
                TenantScope.current().map(TenantId::value).orElse(null));
    }
}
