package com.crossdock.portal.uikit;

import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Component;

/**
 * A card a feature adds to a tenant's Overview (a Spring bean in the feature's UI package), so the Overview shows
 * what other features know of the tenant without depending on them.
 */
public interface OverviewSection {

    /** The card for {@code tenant}, built for the signed-in person. */
    Component card(TenantId tenant);
}
