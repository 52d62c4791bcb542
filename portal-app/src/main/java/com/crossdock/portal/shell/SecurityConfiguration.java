package com.crossdock.portal.shell;

import com.crossdock.portal.identity.oidc.IdentityProperties;
import com.crossdock.portal.identity.oidc.KeycloakSignIn;
import com.crossdock.portal.identity.oidc.TenantDirectory;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.tenant.TenantSummary;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Web security: Vaadin's view access control with the local sign-in form or, in {@code keycloak} identity mode,
 * OpenID Connect sign-in through Keycloak; method security on services; Actuator (health, metrics) for platform
 * admins or callers on this machine only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /**
     * Channel webhooks: no session, no sign-in and no CSRF token; the channel's HMAC signature over the body is
     * the proof, checked before anything is kept (see {@code sync.OrderPipeline}).
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The Shopify sandbox's Admin API, called by the connector like a shop: no session, no sign-in and no CSRF
     * token; the connection's access token in {@code X-Shopify-Access-Token} is the proof (see
     * {@code channel.sandbox.ShopifySandboxController}). Same order as the webhook chain: their paths never overlap.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain sandboxFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/shopify/**", "/sandbox/amazon/**", "/sandbox/walmart/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityProperties identity,
            ObjectProvider<KeycloakSignIn> keycloak) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> adminOrLocal = AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasRole("PLATFORM_ADMIN"), new FromLoopback());
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/**").access(adminOrLocal)
                // the stylesheet from the themes jar; the login page needs it before anyone signs in
                .requestMatchers("/crossdock/**").permitAll());
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        if (identity.keycloak()) {
            // sign-in and sign-out through Keycloak; Vaadin's logout sends Keycloak the ID token (RP-initiated
            // logout with OidcClientInitiatedLogoutSuccessHandler), which ends the Keycloak session as well
            KeycloakSignIn signIn = keycloak.getObject();
            http.oauth2Login(signIn::configure);
            http.with(VaadinSecurityConfigurer.vaadin(),
                    vaadin -> vaadin.oauth2LoginPage(signIn.loginPage(), KeycloakSignIn.POST_LOGOUT_REDIRECT_URI));
        } else {
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout"));
        }
        return http.build();
    }

    /**
     * Keycloak sign-in finds a person's tenant by the alias of their organization, which is the tenant's code.
     * Called as a system actor during sign-in.
     */
    @Bean
    @ConditionalOnProperty(name = "crossdock.identity.mode", havingValue = "keycloak")
    TenantDirectory tenantDirectory(TenantService tenants) {
        return code -> tenants.visibleTenants().stream()
                .filter(tenant -> tenant.code().value().equalsIgnoreCase(code.strip()))
                .map(TenantSummary::id)
                .findFirst();
    }

    /**
     * Security headers on every response, the public sign-in page and static files included (Vaadin serves some
     * of those outside Spring Security's filter chain, so a plain servlet filter first in line sets them).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeaders() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
                response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                response.setHeader("X-Content-Type-Options", "nosniff");
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * What Vaadin Flow needs and no more: its bootstrap uses inline scripts and styles and eval in its client
     * engine; uploads and logos are served from this origin as blobs or data; push uses web sockets to this host.
     * Nobody may frame the portal.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self' ws: wss:",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "object-src 'none'");

    /** Grants requests that come from this machine (a local Prometheus, an operator's curl). */
    static final class FromLoopback implements AuthorizationManager<RequestAuthorizationContext> {

        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                RequestAuthorizationContext context) {
            return new AuthorizationDecision(isLoopback(context.getRequest().getRemoteAddr()));
        }

        static boolean isLoopback(String address) {
            try {
                return InetAddress.getByName(address).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
