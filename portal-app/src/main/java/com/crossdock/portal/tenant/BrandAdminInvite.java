package com.crossdock.portal.tenant;

import org.jspecify.annotations.Nullable;

/** The brand admin a new tenant's form names (keycloak mode): invited by e-mail once the tenant is saved. */
public record BrandAdminInvite(@Nullable String email, @Nullable String name) {
}
