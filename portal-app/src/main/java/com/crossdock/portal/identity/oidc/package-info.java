/**
 * Sign-in through Keycloak (OpenID Connect): the identity mode setting, the client registration, and the
 * translation of Keycloak's tokens (roles claim, organization claim) into the portal's {@code SignedInUser}.
 */
@NullMarked
package com.crossdock.portal.identity.oidc;

import org.jspecify.annotations.NullMarked;
