package com.crossdock.portal.health;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.Collection;
import java.util.Map;

/**
 * PLACEHOLDER for the UAT feature, which is built elsewhere: the UAT status the Portfolio shows per tenant. The UAT
 * feature provides a bean implementing this (it must only answer for the tenants it is given, which the portfolio has
 * checked the caller may see); until one exists the Portfolio's UAT column says "Not tracked yet". Nothing here
 * builds or stores UAT.
 */
public interface PortfolioUatStatus {

    /**
     * A short status per tenant for the Portfolio's UAT column, e.g. "7 of 12 scenarios passed" or "Signed off";
     * a tenant left out shows "Not started".
     */
    Map<TenantId, String> statusOf(Collection<TenantId> tenants);
}
