package com.crossdock.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.tenantconfig.tenant.TenantId;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Client-credentials access tokens of the realm (keycloak mode): signed with the realm's key, they become a caller of
 * the one tenant their organization names, with the API scopes of their scope claim; anything else is refused.
 */
class KeycloakApiTokensTest {

    private static final TenantId HARBOR = TenantId.random();
    private static final TenantId OAKLINE = TenantId.random();

    private final KeyPair realm = rsa();
    private final JwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) realm.getPublic()).build();
    private final KeycloakApiTokens tokens = new KeycloakApiTokens(() -> decoder, code -> switch (code) {
        case "hpa" -> Optional.of(HARBOR);
        case "oak" -> Optional.of(OAKLINE);
        default -> Optional.empty();
    });

    @Test
    void aTokenOfOneBrandsOrganizationWithApiScopesIsThatBrandsCaller() {
        ApiCaller caller = tokens.authenticate(token(realm, Map.of("azp", "harbor-erp", "organization", List.of("hpa"),
                "scope", "profile orders:read orders:write"), 300)).orElseThrow();
        assertThat(caller.tenant()).isEqualTo(HARBOR);
        assertThat(caller.clientName()).isEqualTo("harbor-erp");
        assertThat(caller.scopes()).containsExactlyInAnyOrder(ApiScope.ORDERS_READ, ApiScope.ORDERS_WRITE);
        assertThat(caller.user().homeTenant()).isEqualTo(HARBOR);
        assertThat(tokens.authenticate(token(realm, Map.of("azp", "harbor-erp", "organization",
                Map.of("hpa", Map.of("id", "x")), "scope", "sync:read"), 300))).isPresent();
        assertThat(tokens.authenticate(token(realm, Map.of("azp", "harbor-erp", "crossdock_tenant", "hpa",
                "scope", "sync:read"), 300))).isPresent();
    }

    @Test
    void tokensWithoutASingleKnownBrandOrAnyApiScopeAreRefused() {
        assertThat(tokens.authenticate(token(realm, Map.of("azp", "c", "organization", List.of("hpa", "oak"),
                "scope", "orders:read"), 300))).as("two brands").isEmpty();
        assertThat(tokens.authenticate(token(realm, Map.of("azp", "c", "organization", List.of("nobody"),
                "scope", "orders:read"), 300))).as("no brand").isEmpty();
        assertThat(tokens.authenticate(token(realm, Map.of("azp", "c", "organization", List.of("hpa"),
                "scope", "profile email"), 300))).as("no API scope").isEmpty();
    }

    @Test
    void expiredForgedAndMalformedTokensAreRefused() {
        Map<String, Object> good = Map.of("azp", "c", "organization", List.of("hpa"), "scope", "orders:read");
        assertThat(tokens.authenticate(token(realm, good, -60))).as("expired").isEmpty();
        assertThat(tokens.authenticate(token(rsa(), good, 300))).as("signed by another key").isEmpty();
        assertThat(tokens.authenticate("not.a.token")).isEmpty();
    }

    private static String token(KeyPair key, Map<String, Object> claims, long expiresInSeconds) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject("service-account")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(expiresInSeconds)));
        claims.forEach(set::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
