package com.crossdock.portal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.audit.AuditFilter;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.identity.UserSummary;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenancy.NoSuchTenantException;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.onboarding.OnboardingStage;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Two tenants side by side: each one's people and data stay invisible to the other. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TenantIsolationIT.class);
    }

    @Autowired TenantService tenants;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;
    @Autowired TenantActivityRepository activity;
    @Autowired TenantTransactions tenantTransactions;
    @Autowired TransactionTemplate transactions;
    final JdbcClient superuser = TestDatabases.superuser(TenantIsolationIT.class);

    TenantId apparel;
    TenantId home;

    @BeforeAll
    void seedTwoTenants() {
        SystemActor.call("test", () -> {
            UserSummary managerA = identity.createUser(new NewUser("am.apparel", "Anna AM", null, "long-password-1",
                    Set.of(Role.ACCOUNT_MANAGER), null));
            UserSummary managerB = identity.createUser(new NewUser("am.home", "Hugo AM", null, "long-password-2",
                    Set.of(Role.ACCOUNT_MANAGER), null));
            apparel = tenants.create(new TenantCommand("Apparel Co", "APP", TenantStatus.ACTIVE, managerA.id(), null))
                    .id();
            home = tenants.create(new TenantCommand("Home Co", "HOME", TenantStatus.ACTIVE, managerB.id(), "#9a5b13"))
                    .id();
            identity.createUser(new NewUser("apparel.admin", "Ada", null, "long-password-3", Set.of(Role.BRAND_ADMIN),
                    apparel));
            identity.createUser(new NewUser("home.admin", "Hal", null, "long-password-4", Set.of(Role.BRAND_ADMIN),
                    home));
            tenants.recordActivity(apparel, "Note", "apparel-only secret");
            tenants.recordActivity(home, "Note", "home-only secret");
            return null;
        });
    }

    @Test
    void aBrandAdminSeesOnlyItsOwnTenant() {
        AsUser.run(users, "apparel.admin", () -> {
            assertThat(tenants.visibleTenants()).extracting(TenantSummary::id).containsExactly(apparel);
            assertThat(tenants.canOpen(home)).isFalse();
            assertThatThrownBy(() -> tenants.overview(home)).isInstanceOf(NoSuchTenantException.class);
            assertThatThrownBy(() -> tenants.branding(home)).isInstanceOf(NoSuchTenantException.class);
            assertThatThrownBy(() -> tenants.auditTrail(home, AuditFilter.ALL))
                    .isInstanceOf(NoSuchTenantException.class);
        });
    }

    @Test
    void eachTenantsActivityAppearsOnlyInItsOwnOverview() {
        TenantOverview apparelOverview = AsUser.call(users, "apparel.admin", () -> tenants.overview(apparel));
        TenantOverview homeOverview = AsUser.call(users, "home.admin", () -> tenants.overview(home));

        assertThat(apparelOverview.recent()).extracting(ActivityEntry::detail)
                .contains("apparel-only secret").doesNotContain("home-only secret");
        assertThat(homeOverview.recent()).extracting(ActivityEntry::detail)
                .contains("home-only secret").doesNotContain("apparel-only secret");
    }

    @Test
    void anAccountManagerSeesOnlyTheTenantsAssignedToThem() {
        assertThat(AsUser.call(users, "am.apparel", tenants::visibleTenants))
                .extracting(TenantSummary::id).containsExactly(apparel);
        assertThat(AsUser.call(users, "am.home", tenants::visibleTenants))
                .extracting(TenantSummary::id).containsExactly(home);
        AsUser.run(users, "am.apparel", () ->
                assertThatThrownBy(() -> tenants.update(home, new TenantCommand("Taken over", "HOME",
                        TenantStatus.ACTIVE, null, null), 0)).isInstanceOf(NoSuchTenantException.class));
    }

    @Test
    void tenantOwnedRowsAreFilteredByTheOpenTenantScope() {
        long allRows = superuser.sql("SELECT count(*) FROM tenant_activity").query(Long.class).single();
        assertThat(allRows).isGreaterThanOrEqualTo(4);

        List<TenantActivity> apparelRows = tenantTransactions.read(apparel, () -> activity.findAll());
        List<TenantActivity> homeRows = tenantTransactions.read(home, () -> activity.findAll());
        assertThat(apparelRows).isNotEmpty().allSatisfy(row -> assertThat(row.tenantId()).isEqualTo(apparel));
        assertThat(homeRows).isNotEmpty().allSatisfy(row -> assertThat(row.tenantId()).isEqualTo(home));
    }

    @Test
    void outsideAnyTenantScopeNothingTenantOwnedCanBeReadOrWritten() {
        List<TenantActivity> unscoped = transactions.execute(status -> activity.findAll());
        assertThat(unscoped).isEmpty();

        long before = superuser.sql("SELECT count(*) FROM tenant_activity").query(Long.class).single();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                activity.saveAndFlush(new TenantActivity(Instant.now(), "test", "Orphan", "no tenant"))))
                .isInstanceOf(RuntimeException.class);
        assertThat(superuser.sql("SELECT count(*) FROM tenant_activity").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aTenantScopeCannotBeOpenedInsideAnUnscopedTransaction() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                tenantTransactions.read(apparel, () -> activity.findAll())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the transaction");
    }

    @Test
    void aNewTenantWhoseBrandHasNotSignedInIsInvited() {
        TenantOverview overview = AsUser.call(users, "am.apparel", () -> tenants.overview(apparel));
        assertThat(overview.stage()).isEqualTo(OnboardingStage.INVITED);
        assertThat(overview.brandUsers()).isEqualTo(1);
    }
}
