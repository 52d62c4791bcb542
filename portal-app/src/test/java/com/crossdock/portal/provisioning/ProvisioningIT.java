package com.crossdock.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenancy.NoSuchTenantException;
import com.crossdock.portal.tenant.BrandAdminInvite;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.portal.tenant.TenantValidationException;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Provisioning against a Keycloak that is not there (a closed port on 127.0.0.1): the tenant is kept, marked failed
 * with a reason a person understands, can be retried without duplicates; method security and "not found" hold.
 * The journey against a real Keycloak and mail server is {@code e2e-tests/.../keycloak/ProvisioningIT}.
 */
@SpringBootTest(properties = "crossdock.provisioning.portal-url=http://127.0.0.1:8080/")
@Import(ProvisioningIT.UnreachableKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisioningIT {

    static final int CLOSED_PORT = closedPort();
    static final String KEYCLOAK_URL = "http://127.0.0.1:" + CLOSED_PORT;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ProvisioningIT.class);
    }

    /** The realm as the keycloak-mode configuration builds it, pointed at a port where nothing listens. */
    @TestConfiguration(proxyBeanMethods = false)
    static class UnreachableKeycloak {

        @Bean
        KeycloakRealm unreachableRealm() {
            return new KeycloakRealm(KeycloakBuilder.builder().serverUrl(KEYCLOAK_URL).realm("crossdock")
                    .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId("crossdock-provisioning")
                    .clientSecret("not-used").build(), KEYCLOAK_URL, "crossdock");
        }
    }

    @Autowired TenantService tenants;
    @Autowired ProvisioningService provisioning;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;
    final JdbcClient superuser = TestDatabases.superuser(ProvisioningIT.class);

    TenantId managersTenant;

    @BeforeAll
    void seed() {
        SystemActor.call("test", () -> {
            identity.createUser(new NewUser("admin", "Admin", null, "long-password-0", Set.of(Role.PLATFORM_ADMIN),
                    null));
            identity.createUser(new NewUser("manager", "Mia Manager", null, "long-password-1",
                    Set.of(Role.ACCOUNT_MANAGER), null));
            identity.createUser(new NewUser("other.manager", "Otto Manager", null, "long-password-2",
                    Set.of(Role.ACCOUNT_MANAGER), null));
            return null;
        });
        managersTenant = AsUser.call(users, "manager", () -> tenants.create(
                new TenantCommand("Mia's Brand", "MIA", TenantStatus.ACTIVE, null, null))).id();
        SystemActor.call("test", () -> identity.createUser(new NewUser("mia.user", "Mo", null, "long-password-3",
                Set.of(Role.BRAND_ADMIN), managersTenant)));
    }

    @Test
    void aTenantWhoseKeycloakIsUnreachableIsKeptAsFailedWithTheReasonAndNothingElse() {
        TenantSummary created = AsUser.call(users, "admin", () -> tenants.create(
                new TenantCommand("Fjord Outdoor", "FJORD", TenantStatus.ACTIVE, null, null),
                new BrandAdminInvite("Ana@Fjord.example", "Ana Berg")));

        assertThat(created.provisioning().status()).isEqualTo(ProvisioningStatus.FAILED);
        assertThat(created.provisioning().label())
                .isEqualTo("Failed: Keycloak at " + KEYCLOAK_URL + " is not reachable");
        Map<String, Object> row = superuser.sql("SELECT provisioning_status, provisioning_problem, provisioned_at, "
                        + "brand_admin_email, brand_admin_name, (SELECT count(*) FROM tenant t WHERE t.code = 'FJORD') "
                        + "AS copies FROM tenant WHERE code = 'FJORD'").query().singleRow();
        assertThat(row).containsEntry("provisioning_status", "FAILED")
                .containsEntry("provisioning_problem", "Keycloak at " + KEYCLOAK_URL + " is not reachable")
                .containsEntry("provisioned_at", null)
                .containsEntry("brand_admin_email", "ana@fjord.example")
                .containsEntry("brand_admin_name", "Ana Berg")
                .containsEntry("copies", 1L);
        assertThat(activityOf(created.id())).contains("Provisioning failed");
    }

    @Test
    void aRetryWhileKeycloakIsStillUnreachableFailsAgainWithoutASecondTenant() {
        TenantId id = AsUser.call(users, "admin", () -> tenants.create(
                new TenantCommand("Harbor Two", "HTWO", TenantStatus.ACTIVE, null, null),
                new BrandAdminInvite("bo@htwo.example", "Bo Lund"))).id();

        TenantSummary retried = AsUser.call(users, "admin", () -> tenants.retryProvisioning(id));

        assertThat(retried.provisioning().problem()).isEqualTo("Keycloak at " + KEYCLOAK_URL + " is not reachable");
        assertThat(superuser.sql("SELECT count(*) FROM tenant WHERE code = 'HTWO'").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void aProvisioningInterruptedBeforeItRanIsPickedUpByTheSweepAndOnlyWhenStale() {
        TenantId id = AsUser.call(users, "admin", () -> tenants.create(
                new TenantCommand("Interrupted Co", "INTR", TenantStatus.ACTIVE, null, null),
                new BrandAdminInvite("ida@intr.example", "Ida Holm"))).id();
        // as if the portal had stopped right after saving the tenant, five minutes ago
        superuser.sql("UPDATE tenant SET provisioning_status = 'PENDING', provisioning_problem = NULL, "
                + "updated_at = now() - interval '5 minutes' WHERE id = ?").param(id.value()).update();

        assertThat(SystemActor.call("test", () -> tenants.retryStalledProvisioning(java.time.Duration.ofMinutes(10))))
                .isZero();
        int retried = SystemActor.call("test", () -> tenants.retryStalledProvisioning(java.time.Duration.ofMinutes(2)));

        assertThat(retried).isEqualTo(1);
        assertThat(superuser.sql("SELECT provisioning_status FROM tenant WHERE id = ?").param(id.value())
                .query(String.class).single()).isEqualTo("FAILED");
        assertThatThrownBy(() -> AsUser.call(users, "manager",
                () -> tenants.retryStalledProvisioning(java.time.Duration.ZERO)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void inKeycloakModeANewTenantNeedsItsBrandAdminsAddressAndFullName() {
        assertThatThrownBy(() -> AsUser.call(users, "admin", () -> tenants.create(
                new TenantCommand("Nameless", "NOADMIN", TenantStatus.ACTIVE, null, null),
                new BrandAdminInvite("not-an-address", "Ana"))))
                .isInstanceOfSatisfying(TenantValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("brandAdminEmail", "Enter an e-mail address like ana@brand.example")
                        .containsEntry("brandAdminName", "Enter the first and the last name"));
        assertThat(superuser.sql("SELECT count(*) FROM tenant WHERE code = 'NOADMIN'").query(Long.class).single())
                .isZero();
    }

    @Test
    void peopleAreOnlyForTheTenantsAManagerMayChangeOthersAreNotFound() {
        assertThatThrownBy(() -> AsUser.call(users, "other.manager", () -> provisioning.people(managersTenant)))
                .isInstanceOf(NoSuchTenantException.class);
        assertThatThrownBy(() -> AsUser.call(users, "manager", () -> provisioning.people(managersTenant)))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("Keycloak at " + KEYCLOAK_URL + " is not reachable");
    }

    @Test
    void brandPeopleMayNotProvisionOrListPeople() {
        assertThatThrownBy(() -> AsUser.call(users, "mia.user", () -> provisioning.people(managersTenant)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.call(users, "mia.user",
                () -> provisioning.provision(managersTenant, new BrandAdmin("x@y.example", "X Y"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    private java.util.List<String> activityOf(TenantId id) {
        return superuser.sql("SELECT action FROM tenant_activity WHERE tenant_id = ?").param(id.value())
                .query(String.class).list();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
