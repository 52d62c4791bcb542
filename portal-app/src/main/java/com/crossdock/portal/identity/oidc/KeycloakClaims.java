package com.crossdock.portal.identity.oidc;

import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who signed in, read from the claims of Keycloak's ID token and user info: the subject, {@code preferred_username},
 * {@code name}, the realm roles in a flat {@code roles} claim, and the {@code organization} claim, whose alias is
 * the tenant's code.
 *
 * <p>Keycloak 26 writes the organization claim in one of three shapes, depending on the membership mapper:
 * a list of aliases ({@code ["hpa"]}, the default), a single alias ({@code "hpa"}, when not multivalued), or an
 * object keyed by alias ({@code {"hpa": {"id": "…"}}}, when the mapper adds ids or attributes). All three are read.
 */
final class KeycloakClaims {

    static final String ROLES = "roles";
    static final String ORGANIZATION = "organization";

    private static final Logger log = LoggerFactory.getLogger(KeycloakClaims.class);
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private final TenantDirectory tenants;

    KeycloakClaims(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /** The signed-in user the claims describe; unknown roles are ignored, an unknown organization gives no tenant. */
    SignedInUser signedInUser(Map<String, Object> claims) {
        String subject = text(claims, "sub")
                .orElseThrow(() -> new IllegalArgumentException("The token names no subject (sub)"));
        String username = text(claims, "preferred_username").orElse(subject);
        String displayName = text(claims, "name").orElse(username);
        return new SignedInUser(idOf(subject), username, displayName, roles(claims), tenant(claims, username));
    }

    /** The e-mail address, when Keycloak sends one. */
    static @Nullable String email(Map<String, Object> claims) {
        return text(claims, "email").orElse(null);
    }

    /**
     * Keycloak's subject is its user id, a UUID, which becomes the portal's user id. A subject that is not a UUID
     * (another provider, a brokered user) gets a UUID derived from it, so it maps to the same user every time.
     */
    static UUID idOf(String subject) {
        return CANONICAL_UUID.matcher(subject).matches() ? UUID.fromString(subject)
                : UUID.nameUUIDFromBytes(("oidc-subject:" + subject).getBytes(StandardCharsets.UTF_8));
    }

    static Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : values(claims.get(ROLES))) {
            Arrays.stream(Role.values()).filter(role -> role.externalName().equals(name)).findFirst()
                    .ifPresent(roles::add);
        }
        return roles;
    }

    /** The organization aliases of the claim, in any of the shapes Keycloak writes it. */
    static Set<String> organizations(Map<String, Object> claims) {
        Object claim = claims.get(ORGANIZATION);
        if (claim instanceof Map<?, ?> byAlias) {
            return byAlias.keySet().stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return values(claim);
    }

    /**
     * The tenant of the one organization that is a tenant. Membership of several such organizations is ambiguous,
     * so it gives no tenant: the person then sees only what their roles allow without a brand.
     */
    private @Nullable TenantId tenant(Map<String, Object> claims, String username) {
        Set<TenantId> matches = organizations(claims).stream()
                .map(tenants::byCode)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (matches.size() > 1) {
            log.warn("{} belongs to {} organizations that are tenants ({}); no tenant is chosen", username,
                    matches.size(), organizations(claims));
            return null;
        }
        return matches.stream().findFirst().orElse(null);
    }

    private static Set<String> values(@Nullable Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> many) {
            many.stream().filter(value -> value != null).map(String::valueOf).map(String::strip)
                    .filter(value -> !value.isEmpty()).forEach(values::add);
        } else if (claim instanceof String one && !one.isBlank()) {
            values.add(one.strip());
        }
        return values;
    }

    private static Optional<String> text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String value && !value.isBlank()
                ? Optional.of(value.strip()) : Optional.empty();
    }
}
