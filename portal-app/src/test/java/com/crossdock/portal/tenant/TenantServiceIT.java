package com.crossdock.portal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.audit.AuditEntry;
import com.crossdock.portal.audit.AuditFilter;
import com.crossdock.portal.audit.FieldChange;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Creating and changing tenants: validation, method security, concurrent edits, audit trail. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantServiceIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TenantServiceIT.class);
    }

    @Autowired TenantService tenants;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;
    final JdbcClient superuser = TestDatabases.superuser(TenantServiceIT.class);

    TenantId first;
    TenantId other;

    @BeforeAll
    void seed() {
        SystemActor.call("test", () -> {
            identity.createUser(new NewUser("admin", "Admin", null, "long-password-0", Set.of(Role.PLATFORM_ADMIN),
                    null));
            identity.createUser(new NewUser("manager", "Mia Manager", null, "long-password-1",
                    Set.of(Role.ACCOUNT_MANAGER), null));
            first = tenants.create(new TenantCommand("First Brand", "FIRST", TenantStatus.ACTIVE, null, null)).id();
            other = tenants.create(new TenantCommand("Other Brand", "OTHER", TenantStatus.ACTIVE, null, null)).id();
            identity.createUser(new NewUser("first.user", "Fred", null, "long-password-2", Set.of(Role.BRAND_USER),
                    first));
            return null;
        });
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsWritten() {
        long before = tenantCount();
        assertThatThrownBy(() -> AsUser.call(users, "admin", () -> tenants.create(
                new TenantCommand(" ", "1x", null, null, "red"))))
                .isInstanceOfSatisfying(TenantValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("name", "Enter the brand's name")
                        .containsEntry("code", "A code starts with a letter")
                        .containsEntry("status", "Choose a status")
                        .containsEntry("accentColor", "Use a colour like #1a73e8"));
        assertThat(tenantCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateCodeOrNameIsRefused() {
        assertThatThrownBy(() -> AsUser.call(users, "admin", () -> tenants.create(
                new TenantCommand("first brand", "first", TenantStatus.ACTIVE, null, null))))
                .isInstanceOfSatisfying(TenantValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("code", "Another tenant already uses this code")
                        .containsEntry("name", "Another tenant already has this name"));
    }

    @Test
    void anAccountManagerWhoCreatesATenantIsAssignedToIt() {
        TenantSummary created = AsUser.call(users, "manager", () -> tenants.create(
                new TenantCommand("Manager's Brand", "MGR", TenantStatus.ACTIVE, null, "#1A73E8")));
        assertThat(created.accountManagerName()).isEqualTo("Mia Manager");
        assertThat(AsUser.call(users, "manager", tenants::visibleTenants)).extracting(TenantSummary::id)
                .containsExactly(created.id());
        assertThat(AsUser.call(users, "manager", () -> tenants.branding(created.id())).accentColor())
                .isEqualTo("#1a73e8");
    }

    @Test
    void servicesRefuseAnonymousCallsAndBrandRoles() {
        assertThatThrownBy(() -> tenants.create(new TenantCommand("X", "XX", TenantStatus.ACTIVE, null, null)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> AsUser.call(users, "first.user", () -> tenants.create(
                new TenantCommand("X", "XX", TenantStatus.ACTIVE, null, null))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aChangeBasedOnAnOldVersionIsRefusedAndTheNewerOneKept() {
        TenantDetails seen = AsUser.call(users, "admin", () -> tenants.details(other));
        AsUser.call(users, "admin", () -> tenants.update(other,
                new TenantCommand("Other Brand Renamed", "OTHER", TenantStatus.ACTIVE, null, null), seen.version()));

        assertThatThrownBy(() -> AsUser.call(users, "admin", () -> tenants.update(other,
                new TenantCommand("Stale edit", "OTHER", TenantStatus.PAUSED, null, null), seen.version())))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(AsUser.call(users, "admin", () -> tenants.details(other)).name()).isEqualTo("Other Brand Renamed");
    }

    @Test
    void changesAreRecordedInTheTenantsTrailWithWhoMadeThem() {
        TenantDetails seen = AsUser.call(users, "admin", () -> tenants.details(first));
        AsUser.call(users, "admin", () -> tenants.update(first,
                new TenantCommand("First Brand", "FIRST", TenantStatus.PAUSED, null, null), seen.version()));
        TenantOverview overview = AsUser.call(users, "admin", () -> tenants.overview(first));
        assertThat(overview.recent()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("Tenant details changed");
            assertThat(entry.detail()).contains("status: Active → Paused");
            assertThat(entry.actor()).isEqualTo("admin");
        });
        assertThat(AsUser.call(users, "admin", () -> tenants.overview(other)).recent())
                .noneSatisfy(entry -> assertThat(entry.detail()).contains("Active → Paused"));
    }

    @Test
    void theAuditTrailShowsWhoChangedWhatWithBeforeAndAfter() {
        TenantSummary audited = AsUser.call(users, "manager", () -> tenants.create(
                new TenantCommand("Audited Brand", "AUD", TenantStatus.ACTIVE, null, null)));
        TenantDetails seen = AsUser.call(users, "admin", () -> tenants.details(audited.id()));
        AsUser.call(users, "admin", () -> tenants.update(audited.id(), new TenantCommand("Audited Brand",
                "AUD", TenantStatus.ACTIVE, seen.accountManagerId(), "#112233"), seen.version()));

        List<AuditEntry> trail = AsUser.call(users, "admin", () -> tenants.auditTrail(audited.id(), AuditFilter.ALL));

        assertThat(trail).hasSize(2);
        assertThat(trail.getFirst().kind()).isEqualTo(AuditEntry.Kind.CHANGED);
        assertThat(trail.getFirst().actor()).isEqualTo("admin");
        assertThat(trail.getFirst().changes()).containsExactly(new FieldChange("accent colour", null, "#112233"));
        assertThat(trail.getLast().kind()).isEqualTo(AuditEntry.Kind.CREATED);
        assertThat(trail.getLast().actor()).isEqualTo("manager");
        assertThat(trail.getLast().changes()).contains(new FieldChange("code", null, "AUD"),
                new FieldChange("account manager", null, "Mia Manager"));

        assertThat(AsUser.call(users, "admin", () -> tenants.auditTrail(audited.id(),
                new AuditFilter("MANAG", null, null, null)))).hasSize(1);
        assertThat(AsUser.call(users, "admin", () -> tenants.auditTrail(audited.id(),
                new AuditFilter(null, null, Instant.now().plusSeconds(3600), null)))).isEmpty();
        assertThat(AsUser.call(users, "admin", () -> tenants.auditTrail(first, AuditFilter.ALL)))
                .noneSatisfy(entry -> assertThat(entry.entityLabel()).contains("Audited Brand"));
        assertThat(superuser.sql("SELECT tenant_id FROM audit_revision ORDER BY id DESC LIMIT 1")
                .query(java.util.UUID.class).single()).isEqualTo(audited.id().value());
    }

    @Test
    void aLogoMustBeASmallImage() {
        assertThatThrownBy(() -> AsUser.run(users, "admin", () ->
                tenants.changeLogo(first, new byte[] {1, 2, 3}, "application/pdf")))
                .isInstanceOfSatisfying(TenantValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("logo"));
        AsUser.run(users, "admin", () -> tenants.changeLogo(first, new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                "image/png"));
        assertThat(AsUser.call(users, "admin", () -> tenants.branding(first)).hasLogo()).isTrue();
        assertThat(AsUser.call(users, "admin", () -> tenants.branding(other)).hasLogo()).isFalse();
    }

    private long tenantCount() {
        return superuser.sql("SELECT count(*) FROM tenant").query(Long.class).single();
    }
}
