package com.crossdock.portal.api;

import com.crossdock.portal.identity.oidc.IdentityProperties;
import com.crossdock.portal.identity.oidc.TenantDirectory;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's own filter chain for {@code /api/v1/**}: stateless, no session, no CSRF token, no sign-in page; a bearer
 * API key (or, in {@code keycloak} mode, a client-credentials access token of the realm) authenticates each call
 * ({@link ApiKeyFilter}). The OpenAPI document and its reference page are public.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /**
     * The OpenAPI document, and the reference page with its Swagger UI files (springdoc serves those beside the page's
     * address, under {@code /api/swagger-ui/}, which keeps them out of {@code /api/v1}'s catch-all).
     */
    static final String[] PUBLIC = {"/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/docs",
            "/api/swagger-ui/**"};

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiClientService clients, ApiProperties properties,
            Clock clock, JsonMapper json, IdentityProperties identity, ObjectProvider<TenantDirectory> directory)
            throws Exception {
        KeycloakApiTokens tokens = null;
        if (identity.keycloak()) {
            // the realm's keys are fetched at the first token, so the portal starts while Keycloak is still starting
            String issuer = java.util.Objects.requireNonNull(identity.oidc().issuerUri());
            Supplier<JwtDecoder> decoder = SingletonSupplier.of(() -> JwtDecoders.fromIssuerLocation(issuer));
            tokens = new KeycloakApiTokens(decoder, directory.getObject());
        }
        ApiProblemWriter problems = new ApiProblemWriter(json);
        http.securityMatcher("/api/v1/**", "/api/docs", "/api/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication needed",
                                    "Send an API key as 'Authorization: Bearer cdk_...'; a brand admin creates one "
                                            + "in the portal's API view.");
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Not allowed", "This API client may not do this.")))
                .addFilterBefore(new ApiKeyFilter(clients, tokens, new RateLimits(properties.requestsPerMinute(),
                        clock, clients), problems), AuthorizationFilter.class);
        return http.build();
    }
}
