package com.crossdock.portal.health;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Collection;
import java.util.Map;

/**
 * The UAT status the Portfolio shows per tenant, provided by the UAT feature (so health does not depend on it); it
 * answers only for the tenants it is given, which the portfolio has checked the caller may see. Without such a bean
 * the Portfolio's UAT column says "Not tracked yet".
 */
public interface PortfolioUatStatus {

    /**
     * A short status per tenant for the Portfolio's UAT column, e.g. "7 of 12 scenarios passed" or "Signed off";
     * a tenant left out shows "Not started".
     */
    Map<TenantId, String> statusOf(Collection<TenantId> tenants);
}
