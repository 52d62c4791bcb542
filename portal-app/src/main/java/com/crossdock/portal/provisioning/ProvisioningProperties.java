package com.crossdock.portal.provisioning;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Keycloak admin API the portal provisions tenants through (keycloak sign-in mode only), with the
 * client-credentials grant of a service-account client.
 *
 * @param serverUrl    Keycloak's base address, e.g. {@code https://sso.example.com} (env
 *                     {@code CROSSDOCK_PROVISIONING_SERVER_URL})
 * @param realm        the realm the portal's people live in (env {@code CROSSDOCK_PROVISIONING_REALM},
 *                     default {@code crossdock})
 * @param clientId     the service-account client with the realm-management roles {@code manage-users},
 *                     {@code view-users}, {@code query-users}, {@code manage-realm} (env
 *                     {@code CROSSDOCK_PROVISIONING_CLIENT_ID}, default {@code crossdock-provisioning})
 * @param clientSecret that client's secret; never kept in the repository (env
 *                     {@code CROSSDOCK_PROVISIONING_CLIENT_SECRET})
 * @param portalUrl    where the invitation e-mail sends people after they set their password; empty means the
 *                     address the inviting person uses for the portal (env {@code CROSSDOCK_PROVISIONING_PORTAL_URL})
 */
@ConfigurationProperties("crossdock.provisioning")
public record ProvisioningProperties(@Nullable String serverUrl, @Nullable String realm, @Nullable String clientId,
        @Nullable String clientSecret, @Nullable String portalUrl) {

    /** Fails with the missing setting's name when one that keycloak mode needs is blank. */
    void requireComplete() {
        requireSet(serverUrl, "crossdock.provisioning.server-url (CROSSDOCK_PROVISIONING_SERVER_URL)");
        requireSet(realm, "crossdock.provisioning.realm (CROSSDOCK_PROVISIONING_REALM)");
        requireSet(clientId, "crossdock.provisioning.client-id (CROSSDOCK_PROVISIONING_CLIENT_ID)");
        requireSet(clientSecret, "crossdock.provisioning.client-secret (CROSSDOCK_PROVISIONING_CLIENT_SECRET)");
    }

    private static void requireSet(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("crossdock.identity.mode=keycloak needs " + name);
        }
    }
}
