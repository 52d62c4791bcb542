package com.crossdock.portal.api;

import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.identity.oidc.TenantDirectory;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The {@code keycloak} identity mode's second way into the API: an access token of the realm obtained with the
 * client-credentials grant. Its signature, expiry and issuer are checked against the realm's keys; the tenant is the
 * one organization of the {@code organization} claim (its alias is the tenant's code, as at sign-in) or the
 * {@code crossdock_tenant} claim of a hardcoded-claim mapper; the scopes are those of the {@code scope} claim that
 * name API scopes ({@code orders:read}, ...); the client is {@code azp}. A token without a tenant or any API scope is
 * refused.
 */
final class KeycloakApiTokens {

    private static final Logger log = LoggerFactory.getLogger(KeycloakApiTokens.class);

    private final Supplier<JwtDecoder> decoder;
    private final TenantDirectory tenants;

    KeycloakApiTokens(Supplier<JwtDecoder> decoder, TenantDirectory tenants) {
        this.decoder = decoder;
        this.tenants = tenants;
    }

    Optional<ApiCaller> authenticate(String token) {
        Jwt jwt;
        try {
            jwt = decoder.get().decode(token);
        } catch (JwtException refused) {
            log.debug("An API bearer token was refused: {}", refused.getMessage());
            return Optional.empty();
        }
        String client = Optional.ofNullable(jwt.getClaimAsString("azp"))
                .or(() -> Optional.ofNullable(jwt.getClaimAsString("client_id"))).orElse(jwt.getSubject());
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        String scope = jwt.getClaimAsString("scope");
        for (String name : scope == null ? new String[0] : scope.split(" ")) {
            ApiScope.of(name).ifPresent(scopes::add);
        }
        Optional<TenantId> tenant = tenantOf(jwt.getClaims());
        if (client == null || scopes.isEmpty() || tenant.isEmpty()) {
            log.info("A token of client {} was refused for the API: it names {} and API scopes {}", client,
                    tenant.isEmpty() ? "no single tenant" : "tenant " + tenant.get(), scopes);
            return Optional.empty();
        }
        UUID id = UUID.nameUUIDFromBytes(("keycloak-client:" + client).getBytes(StandardCharsets.UTF_8));
        return Optional.of(new ApiCaller(id, client, tenant.get(), scopes));
    }

    private Optional<TenantId> tenantOf(Map<String, Object> claims) {
        Set<String> codes = new LinkedHashSet<>(values(claims.get("crossdock_tenant")));
        Object organization = claims.get("organization");
        codes.addAll(organization instanceof Map<?, ?> byAlias
                ? byAlias.keySet().stream().map(String::valueOf).toList() : values(organization));
        Set<TenantId> found = SystemActor.call("api", () -> {
            Set<TenantId> matches = new LinkedHashSet<>();
            codes.forEach(code -> tenants.byCode(code).ifPresent(matches::add));
            return matches;
        });
        return found.size() == 1 ? found.stream().findFirst() : Optional.empty();
    }

    private static Set<String> values(@Nullable Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(value -> values.add(String.valueOf(value).strip()));
        } else if (claim instanceof String one && !one.isBlank()) {
            values.add(one.strip());
        }
        return values;
    }
}
