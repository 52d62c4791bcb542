/**
 * Provisioning of a tenant in Keycloak (keycloak sign-in mode): its organization, the brand admin's account and
 * invitation, and the organization's people. Knows nothing of the tenant feature; asks for tenants through
 * {@link com.crossdock.portal.provisioning.ProvisioningTenants}.
 */
@NullMarked
package com.crossdock.portal.provisioning;

import org.jspecify.annotations.NullMarked;
