package com.crossdock.portal.tenant;

import org.jspecify.annotations.Nullable;

/** A tenant's white-label look, applied to the portal after sign-in. */
public record Branding(String tenantName, @Nullable String accentColor, byte @Nullable [] logo,
        @Nullable String logoContentType) {

    public boolean hasLogo() {
        return logo != null && logo.length > 0;
    }
}
