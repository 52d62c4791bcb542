package com.crossdock.portal.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API call by its bearer API key (the tenant comes from the key, never from the request) or, in
 * {@code keycloak} identity mode, by a client-credentials access token of the realm ({@link KeycloakApiTokens}),
 * then applies the client's rate limit with {@code RateLimit} headers. A call without a token goes on anonymous and
 * the chain answers 401 where one is needed.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiClientService clients;
    private final RateLimits limits;
    private final ApiProblemWriter problems;

    /** In {@code keycloak} identity mode, client-credentials access tokens of the realm; {@code null} otherwise. */
    private final @Nullable KeycloakApiTokens tokens;

    ApiKeyFilter(ApiClientService clients, @Nullable KeycloakApiTokens tokens, RateLimits limits,
            ApiProblemWriter problems) {
        this.clients = clients;
        this.tokens = tokens;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        Optional<ApiCaller> caller = token.startsWith("cdk_") || tokens == null ? clients.authenticate(token)
                : tokens.authenticate(token);
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "The API key is not valid",
                    "The key or token is malformed, unknown, expired or revoked, or names no brand or API scope. "
                            + "Create a key in the portal's API view and send it as 'Authorization: Bearer cdk_...'.");
            return;
        }
        RateLimits.Decision decision = limits.take(caller.get().tenant(), caller.get().clientId());
        response.setHeader("RateLimit-Policy", "\"per-client\";q=" + decision.limit() + ";w=60");
        response.setHeader("RateLimit", "\"per-client\";r=" + decision.remaining() + ";t="
                + Math.max(1, decision.retryAfterSeconds()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "This client may make " + decision.limit() + " calls a minute; try again in "
                            + decision.retryAfterSeconds() + " s.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticated(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static PreAuthenticatedAuthenticationToken authenticated(ApiCaller caller) {
        List<GrantedAuthority> authorities = Stream.concat(
                caller.user().roles().stream().map(role -> role.authority()),
                caller.scopes().stream().map(ApiScope::authority))
                .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        return new PreAuthenticatedAuthenticationToken(caller, null, authorities);
    }
}
