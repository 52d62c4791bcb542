package com.crossdock.portal.shell;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

/**
 * Web security: Vaadin's view access control with the local sign-in form, method security on services, and
 * Actuator (health, metrics) for platform admins or callers on this machine only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> adminOrLocal = AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasRole("PLATFORM_ADMIN"), new FromLoopback());
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/**").access(adminOrLocal)
                // the stylesheet from the themes jar; the login page needs it before anyone signs in
                .requestMatchers("/crossdock/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout"));
        return http.build();
    }

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
