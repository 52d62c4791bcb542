package com.crossdock.portal.identity.oidc;

import com.crossdock.portal.identity.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * Keycloak sign-in, only in {@code crossdock.identity.mode=keycloak}: the client registration is built here from
 * {@link IdentityProperties} rather than from {@code spring.security.oauth2.client.*}, so the default local mode
 * needs no issuer and starts without Keycloak.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "crossdock.identity.mode", havingValue = "keycloak")
class KeycloakSignInConfiguration {

    /**
     * Reads the realm's OpenID configuration from the issuer, so Keycloak must answer when the portal starts.
     * PKCE is used although the client is confidential (the realm kept with the portal requires it).
     */
    @Bean
    ClientRegistrationRepository keycloakClientRegistration(IdentityProperties properties) {
        IdentityProperties.Oidc oidc = properties.oidc();
        oidc.requireComplete();
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(KeycloakSignIn.REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope("openid", "profile", "email")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    KeycloakSignIn keycloakSignIn(TenantDirectory tenants, IdentityService identity) {
        return new KeycloakSignIn(
                new CrossdockOidcUserService(new OidcUserService(), new KeycloakClaims(tenants), identity),
                new SignInFailureHandler());
    }
}
