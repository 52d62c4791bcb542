package com.crossdock.portal.provisioning;

import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admin API client, only in {@code crossdock.identity.mode=keycloak}. It is built lazily by Keycloak (the first
 * call fetches a token), so the portal starts even while Keycloak's admin API is unreachable.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "crossdock.identity.mode", havingValue = "keycloak")
class ProvisioningConfiguration {

    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int READ_TIMEOUT_SECONDS = 30;

    @Bean(destroyMethod = "close")
    Keycloak provisioningKeycloak(ProvisioningProperties properties) {
        properties.requireComplete();
        return KeycloakBuilder.builder()
                .serverUrl(properties.serverUrl())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(new ResteasyClientBuilderImpl()
                        .connectionPoolSize(10)
                        .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .register(new JacksonProvider(), 100)
                        .build())
                .build();
    }

    @Bean
    KeycloakRealm keycloakRealm(Keycloak provisioningKeycloak, ProvisioningProperties properties) {
        return new KeycloakRealm(provisioningKeycloak, properties.serverUrl(), properties.realm());
    }
}
