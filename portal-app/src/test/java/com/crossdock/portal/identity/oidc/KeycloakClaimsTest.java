package com.crossdock.portal.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Claims as Keycloak 26 writes them into the ID token of the crossdock realm. */
class KeycloakClaimsTest {

    private static final TenantId HPA = TenantId.random();
    private static final TenantId OAK = TenantId.random();
    private static final String SUBJECT = "b18672e3-0d95-414c-93fd-cde84c29964e";

    private final KeycloakClaims claims = new KeycloakClaims(code -> switch (code.toUpperCase()) {
        case "HPA" -> Optional.of(HPA);
        case "OAK" -> Optional.of(OAK);
        default -> Optional.empty();
    });

    @Test
    void aBrandAdminIsReadFromTheRolesClaimAndTheDefaultListOfOrganizationAliases() {
        // as the realm's token for brand.admin reads (organization membership mapper: multivalued, String)
        SignedInUser user = claims.signedInUser(token(Map.of(
                "roles", List.of("brand-admin"),
                "organization", List.of("hpa"))));

        assertThat(user.id()).isEqualTo(UUID.fromString(SUBJECT));
        assertThat(user.username()).isEqualTo("brand.admin");
        assertThat(user.displayName()).isEqualTo("Bea Admin (Harbor & Pine)");
        assertThat(user.roles()).containsExactly(Role.BRAND_ADMIN);
        assertThat(user.homeTenant()).isEqualTo(HPA);
        assertThat(user.isThreePlStaff()).isFalse();
    }

    @Test
    void theOrganizationClaimAsAnObjectKeyedByAliasGivesTheSameTenant() {
        // the mapper with "add organization id" (or attributes) writes JSON keyed by alias
        SignedInUser user = claims.signedInUser(token(Map.of(
                "roles", List.of("brand-user"),
                "organization", Map.of("oak", Map.of("id", "2bc91cc2-0212-42f2-9202-2a24108755b3")))));

        assertThat(user.homeTenant()).isEqualTo(OAK);
        assertThat(user.roles()).containsExactly(Role.BRAND_USER);
    }

    @Test
    void aSingleValuedOrganizationClaimIsOneAliasAndItsCaseDoesNotMatter() {
        SignedInUser user = claims.signedInUser(token(Map.of("roles", List.of("brand-admin"), "organization", "HPA")));

        assertThat(user.homeTenant()).isEqualTo(HPA);
    }

    @Test
    void threePlStaffHaveRolesAndNoOrganization() {
        SignedInUser user = claims.signedInUser(token(Map.of(
                "roles", List.of("account-manager", "offline_access", "uma_authorization", "default-roles-crossdock"))));

        assertThat(user.roles()).containsExactly(Role.ACCOUNT_MANAGER);
        assertThat(user.homeTenant()).isNull();
        assertThat(user.isThreePlStaff()).isTrue();
    }

    @Test
    void everyRealmRoleMapsToItsRoleByExternalName() {
        SignedInUser user = claims.signedInUser(token(Map.of("roles", List.of(
                "platform-admin", "account-manager", "brand-admin", "brand-user", "leadership-viewer"))));

        assertThat(user.roles()).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void aPersonWithoutRolesOrOrganizationHasNoAccess() {
        // pending.user: Keycloak leaves both claims out
        SignedInUser user = claims.signedInUser(token(Map.of()));

        assertThat(user.roles()).isEmpty();
        assertThat(user.homeTenant()).isNull();
        assertThat(user.hasNoAccess()).isTrue();
    }

    @Test
    void anOrganizationThatIsNoTenantGivesNoTenant() {
        SignedInUser user = claims.signedInUser(token(Map.of("roles", List.of("brand-user"),
                "organization", List.of("acme"))));

        assertThat(user.homeTenant()).isNull();
        assertThat(user.hasNoAccess()).isTrue();
    }

    @Test
    void membershipOfTwoTenantOrganizationsIsAmbiguousAndGivesNoTenant() {
        SignedInUser user = claims.signedInUser(token(Map.of("roles", List.of("brand-admin"),
                "organization", List.of("hpa", "oak"))));

        assertThat(user.homeTenant()).isNull();
    }

    @Test
    void aSubjectThatIsNoUuidGetsTheSameDerivedIdEveryTime() {
        Map<String, Object> claimsOfBrokeredUser = new HashMap<>(token(Map.of()));
        claimsOfBrokeredUser.put("sub", "f:provider:42");

        UUID first = claims.signedInUser(claimsOfBrokeredUser).id();

        assertThat(claims.signedInUser(claimsOfBrokeredUser).id()).isEqualTo(first);
        assertThat(first).isNotEqualTo(KeycloakClaims.idOf("f:provider:43"));
    }

    @Test
    void namesFallBackToTheUsernameAndTheUsernameToTheSubject() {
        SignedInUser user = claims.signedInUser(Map.of("sub", SUBJECT));

        assertThat(user.username()).isEqualTo(SUBJECT);
        assertThat(user.displayName()).isEqualTo(SUBJECT);
        assertThat(KeycloakClaims.email(Map.of("sub", SUBJECT))).isNull();
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertThatThrownBy(() -> claims.signedInUser(Map.of("preferred_username", "someone")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEmailIsTakenWhenPresent() {
        assertThat(KeycloakClaims.email(token(Map.of()))).isEqualTo("brand.admin@harborpine.example");
    }

    @Test
    void rolesAndOrganizationsIgnoreBlankAndMissingValues() {
        assertThat(KeycloakClaims.roles(Map.of("roles", List.of(" ", "brand-user")))).isEqualTo(Set.of(Role.BRAND_USER));
        assertThat(KeycloakClaims.organizations(Map.of("organization", ""))).isEmpty();
    }

    /** The standard claims of brand.admin's ID token, plus {@code extra}. */
    private static Map<String, Object> token(Map<String, Object> extra) {
        Map<String, Object> claims = new HashMap<>(Map.of(
                "iss", "http://127.0.0.1:18180/realms/crossdock",
                "sub", SUBJECT,
                "preferred_username", "brand.admin",
                "name", "Bea Admin (Harbor & Pine)",
                "given_name", "Bea",
                "family_name", "Admin (Harbor & Pine)",
                "email", "brand.admin@harborpine.example",
                "email_verified", true));
        claims.putAll(extra);
        return claims;
    }
}
