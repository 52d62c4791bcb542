package com.crossdock.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class NavigationTest {

    private static final TenantId BRAND = TenantId.random();
    /** The sections everyone with access sees, in the order the navigation lists them. */
    private static final List<String> EVERYONES = List.of("nav-overview", "nav-health",
            "nav-hypercare", "nav-channels", "nav-flows", "nav-catalog",
            "nav-bundles", "nav-import", "nav-quality", "nav-orders", "nav-exceptions", "nav-stock",
            "nav-receiving", "nav-returns", "nav-documents", "nav-setup", "nav-uat", "nav-golive");

    @Test
    void thePlatformAdminAndAccountManagerSeeTenantsPortfolioOverviewAndAuditWithTheSwitcher() {
        SignedInUser admin = user(Set.of(Role.PLATFORM_ADMIN), null);
        assertThat(sectionIds(admin)).containsExactlyElementsOf(everyonesAnd("nav-portfolio", "nav-leadership",
                "nav-warehouse", "nav-tenants", "nav-audit"));
        assertThat(Navigation.showsTenantSwitcher(admin)).isTrue();
        SignedInUser manager = user(Set.of(Role.ACCOUNT_MANAGER), null);
        assertThat(sectionIds(manager)).containsExactlyElementsOf(everyonesAnd("nav-portfolio", "nav-warehouse",
                "nav-tenants", "nav-audit"));
        assertThat(Navigation.showsTenantSwitcher(manager)).isTrue();
    }

    @Test
    void aBrandAdminSeesTheirOverviewApiWebhooksAndAuditButNeverTheSwitcher() {
        SignedInUser admin = user(Set.of(Role.BRAND_ADMIN), BRAND);
        assertThat(sectionIds(admin)).containsExactlyElementsOf(everyonesAnd("nav-api", "nav-webhooks", "nav-audit"));
        assertThat(Navigation.showsTenantSwitcher(admin)).isFalse();
    }

    @Test
    void otherBrandPeopleSeeTheirOverviewApiAndWebhooksAndNeverTheSwitcher() {
        SignedInUser user = user(Set.of(Role.BRAND_USER), BRAND);
        assertThat(sectionIds(user)).containsExactlyElementsOf(everyonesAnd("nav-api", "nav-webhooks"));
        assertThat(Navigation.showsTenantSwitcher(user)).isFalse();
        SignedInUser leader = user(Set.of(Role.LEADERSHIP_VIEWER), BRAND);
        assertThat(sectionIds(leader)).containsExactlyElementsOf(everyonesAnd("nav-api", "nav-webhooks",
                "nav-leadership"));
        assertThat(Navigation.showsTenantSwitcher(leader)).isFalse();
    }

    @Test
    void theThreePlLeadershipSeesAllTenantsReadOnly() {
        SignedInUser leader = user(Set.of(Role.LEADERSHIP_VIEWER), null);
        assertThat(sectionIds(leader)).containsExactlyElementsOf(everyonesAnd("nav-leadership", "nav-tenants"));
        assertThat(Navigation.showsTenantSwitcher(leader)).isTrue();
    }

    @Test
    void someoneWithoutRoleOrTenantSeesNothing() {
        assertThat(sectionIds(user(Set.of(), null))).isEmpty();
        assertThat(sectionIds(user(Set.of(Role.BRAND_USER), null))).isEmpty();
        assertThat(user(Set.of(Role.BRAND_USER), null).hasNoAccess()).isTrue();
    }

    private static List<String> everyonesAnd(String... roleSections) {
        return java.util.stream.Stream.concat(EVERYONES.stream(), java.util.Arrays.stream(roleSections)).toList();
    }

    private static List<String> sectionIds(SignedInUser user) {
        return Navigation.visibleTo(user).stream().map(Navigation.Section::id).toList();
    }

    private static SignedInUser user(Set<Role> roles, @Nullable TenantId tenant) {
        return new SignedInUser(UUID.randomUUID(), "u", "U", roles, tenant);
    }
}
