package com.crossdock.portal.api;

import java.time.Clock;
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
 * API key authenticates each call ({@link ApiKeyFilter}). The OpenAPI document and its reference page are public.
 * A Keycloak client-credentials path would be {@code oauth2ResourceServer(jwt)} on this same chain, with a converter
 * from the token's tenant claim and scopes to an {@link ApiCaller}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String[] PUBLIC = {"/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs",
            "/api/v1/docs/**", "/swagger-ui/**"};

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiClientService clients, ApiProperties properties,
            Clock clock, JsonMapper json) throws Exception {
        ApiProblemWriter problems = new ApiProblemWriter(json);
        http.securityMatcher("/api/v1/**", "/swagger-ui/**")
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
                .addFilterBefore(new ApiKeyFilter(clients, new RateLimits(properties.requestsPerMinute(), clock),
                        problems), AuthorizationFilter.class);
        return http.build();
    }
}
