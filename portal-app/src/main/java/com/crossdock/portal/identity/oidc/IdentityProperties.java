package com.crossdock.portal.identity.oidc;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in to the portal.
 *
 * @param mode {@code local} (the default: the portal's own sign-in form and bcrypt passwords) or {@code keycloak}
 *             (OpenID Connect sign-in through a Keycloak realm); env {@code CROSSDOCK_IDENTITY_MODE}
 * @param oidc the Keycloak client the portal signs in with; only read in {@code keycloak} mode
 */
@ConfigurationProperties("crossdock.identity")
public record IdentityProperties(Mode mode, Oidc oidc) {

    public IdentityProperties {
        if (mode == null) {
            mode = Mode.LOCAL;
        }
        if (oidc == null) {
            oidc = new Oidc(null, null, null);
        }
    }

    /** Whether people sign in through Keycloak. */
    public boolean keycloak() {
        return mode == Mode.KEYCLOAK;
    }

    /** Where sign-in happens. */
    public enum Mode {
        /** The portal's own sign-in form against the users in its database. */
        LOCAL,
        /** OpenID Connect through a Keycloak realm; users are created in the portal at their first sign-in. */
        KEYCLOAK
    }

    /**
     * The portal's confidential client in Keycloak.
     *
     * @param issuerUri    the realm's issuer, e.g. {@code https://sso.example.com/realms/crossdock}; Keycloak must be
     *                     reachable there when the portal starts (env {@code CROSSDOCK_OIDC_ISSUER})
     * @param clientId     the client id, {@code crossdock-portal} in the realm kept with the portal
     *                     (env {@code CROSSDOCK_OIDC_CLIENT_ID})
     * @param clientSecret the client's secret; never kept in the repository (env {@code CROSSDOCK_OIDC_CLIENT_SECRET})
     */
    public record Oidc(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret) {

        /** Fails with the missing setting's name when one that keycloak mode needs is blank. */
        void requireComplete() {
            requireSet(issuerUri, "crossdock.identity.oidc.issuer-uri (CROSSDOCK_OIDC_ISSUER)");
            requireSet(clientId, "crossdock.identity.oidc.client-id (CROSSDOCK_OIDC_CLIENT_ID)");
            requireSet(clientSecret, "crossdock.identity.oidc.client-secret (CROSSDOCK_OIDC_CLIENT_SECRET)");
        }

        private static void requireSet(@Nullable String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("crossdock.identity.mode=keycloak needs " + name);
            }
        }
    }
}
