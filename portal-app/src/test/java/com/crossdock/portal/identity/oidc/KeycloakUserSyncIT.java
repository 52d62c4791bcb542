package com.crossdock.portal.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.identity.UserSummary;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Keycloak sign-in against a real database, from the ID token onwards: the user is created at the first
 * sign-in, kept up to date at the next, and an existing user of the same name is taken over with their id.
 * Keycloak itself is exercised by the end-to-end test; here the token is built by hand.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakUserSyncIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, KeycloakUserSyncIT.class);
    }

    @Autowired IdentityService identity;
    @Autowired TenantService tenants;
    final JdbcClient superuser = TestDatabases.superuser(KeycloakUserSyncIT.class);

    CrossdockOidcUserService signIn;
    TenantId harbor;
    TenantId oak;
    UserSummary localManager;

    @BeforeAll
    void seed() {
        SystemActor.call("test", () -> {
            localManager = identity.createUser(new NewUser("account.manager", "Marco (local)", null,
                    "long-password-1", Set.of(Role.ACCOUNT_MANAGER), null));
            harbor = tenants.create(new TenantCommand("Harbor & Pine Apparel", "HPA", TenantStatus.ACTIVE,
                    localManager.id(), null)).id();
            oak = tenants.create(new TenantCommand("Oakline Home", "OAK", TenantStatus.ACTIVE, null, null)).id();
            return null;
        });
        // as SecurityConfiguration wires it in keycloak mode
        TenantDirectory directory = code -> tenants.visibleTenants().stream()
                .filter(tenant -> tenant.code().value().equalsIgnoreCase(code))
                .map(TenantSummary::id)
                .findFirst();
        signIn = new CrossdockOidcUserService(new OidcUserService(), new KeycloakClaims(directory), identity);
    }

    @Test
    void theFirstSignInCreatesTheUserUnderTheKeycloakIdWithAPasswordNothingMatches() {
        UUID subject = UUID.randomUUID();

        OidcUser principal = signIn.loadUser(request(subject, "new.brand.admin", "Nina New", "nina@hpa.example",
                List.of("brand-admin"), List.of("hpa")));

        SignedInUser user = ((CurrentUser.SignedInPrincipal) principal).user();
        assertThat(user.id()).isEqualTo(subject);
        assertThat(user.roles()).containsExactly(Role.BRAND_ADMIN);
        assertThat(user.homeTenant()).isEqualTo(harbor);
        assertThat(principal.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_BRAND_ADMIN");
        Map<String, Object> row = superuser.sql("""
                SELECT username, display_name, email, password_hash, tenant_id, last_sign_in_at
                FROM user_account WHERE id = ?""").param(subject).query().singleRow();
        assertThat(row).containsEntry("username", "new.brand.admin")
                .containsEntry("display_name", "Nina New")
                .containsEntry("email", "nina@hpa.example")
                .containsEntry("password_hash", IdentityService.EXTERNAL_ONLY_PASSWORD_HASH)
                .containsEntry("tenant_id", harbor.value());
        assertThat(row.get("last_sign_in_at")).isNotNull();
        assertThat(superuser.sql("SELECT role FROM user_role WHERE user_id = ?").param(subject).query(String.class)
                .list()).containsExactly("BRAND_ADMIN");
    }

    @Test
    void aLaterSignInTakesOverNameRolesAndTenantFromKeycloakAndKeepsTheId() {
        UUID subject = UUID.randomUUID();
        signIn.loadUser(request(subject, "moving.user", "Mo Ving", null, List.of("brand-user"), List.of("hpa")));

        OidcUser again = signIn.loadUser(request(subject, "moving.user", "Mo Moved", null,
                List.of("brand-admin"), List.of("oak")));

        SignedInUser user = ((CurrentUser.SignedInPrincipal) again).user();
        assertThat(user.id()).isEqualTo(subject);
        assertThat(user.displayName()).isEqualTo("Mo Moved");
        assertThat(user.roles()).containsExactly(Role.BRAND_ADMIN);
        assertThat(user.homeTenant()).isEqualTo(oak);
        assertThat(superuser.sql("SELECT count(*) FROM user_account WHERE username = 'moving.user'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anExistingUserOfTheSameNameIsTakenOverSoTheTenantsAssignedToThemStayAssigned() {
        OidcUser principal = signIn.loadUser(request(UUID.randomUUID(), "account.manager", "Marco Manager",
                null, List.of("account-manager"), List.of()));

        SignedInUser user = ((CurrentUser.SignedInPrincipal) principal).user();
        assertThat(user.id()).isEqualTo(localManager.id());
        assertThat(as(principal, () -> CurrentUser.require())).isEqualTo(user);
        assertThat(as(principal, () -> tenants.visibleTenants()))
                .extracting(TenantSummary::id).containsExactly(harbor);
    }

    @Test
    void someoneWithoutRoleOrOrganizationIsRecordedAndHasNoAccess() {
        OidcUser principal = signIn.loadUser(request(UUID.randomUUID(), "pending.person", "Pat Pending", null,
                List.of(), List.of()));

        SignedInUser user = ((CurrentUser.SignedInPrincipal) principal).user();
        assertThat(user.hasNoAccess()).isTrue();
        assertThat(as(principal, () -> tenants.visibleTenants())).isEmpty();
    }

    @Test
    void aUserDisabledInCrossdockCannotSignInThroughKeycloak() {
        UUID subject = UUID.randomUUID();
        signIn.loadUser(request(subject, "leaver", "Lee Leaver", null, List.of("brand-user"), List.of("hpa")));
        superuser.sql("UPDATE user_account SET enabled = false WHERE id = ?").param(subject).update();

        assertThatThrownBy(() -> signIn.loadUser(request(subject, "leaver", "Lee Leaver", null,
                List.of("brand-user"), List.of("hpa"))))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasRootCauseInstanceOf(DisabledException.class);
    }

    @Test
    void recordingAnExternalUserIsRefusedToAnyoneButTheSystemAndPlatformAdmins() {
        SignedInUser forged = new SignedInUser(UUID.randomUUID(), "forged", "Forged", Set.of(Role.PLATFORM_ADMIN),
                null);

        assertThatThrownBy(() -> identity.syncExternalUser(forged, null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private static <T> T as(OidcUser principal, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new OAuth2AuthenticationToken(principal, principal.getAuthorities(), "keycloak"));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** What the OIDC login filter hands the user service after Keycloak's token response (no user-info call). */
    private static OidcUserRequest request(UUID subject, String username, String name, String email,
            List<String> roles, List<String> organizations) {
        Instant now = Instant.now();
        Map<String, Object> claims = new HashMap<>(Map.of(
                "iss", "http://127.0.0.1:8180/realms/crossdock",
                "sub", subject.toString(),
                "aud", List.of("crossdock-portal"),
                "preferred_username", username,
                "name", name,
                "roles", roles,
                "organization", organizations));
        if (email != null) {
            claims.put("email", email);
        }
        ClientRegistration registration = ClientRegistration.withRegistrationId("keycloak")
                .clientId("crossdock-portal")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://127.0.0.1:8180/realms/crossdock/protocol/openid-connect/auth")
                .tokenUri("http://127.0.0.1:8180/realms/crossdock/protocol/openid-connect/token")
                .scope("openid", "profile", "email")
                .build();
        return new OidcUserRequest(registration,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(300)),
                new OidcIdToken("id-token", now, now.plusSeconds(300), claims));
    }
}
