package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.crossdock.e2e.DemoUser.Navigation;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import java.util.regex.Pattern;

/** The shell around every signed-in view: side navigation, tenant switcher, current user and sign-out. */
final class MainLayoutPage {

    private static final Pattern NOT_BLANK = Pattern.compile("\\S");

    private final Page page;

    MainLayoutPage(Page page) {
        this.page = page;
        assertThat(page.locator("#side-nav")).isVisible();
        assertThat(page.locator("#current-user")).hasText(NOT_BLANK);
    }

    /** Checks the side navigation holds these items and no others. */
    MainLayoutPage assertNavigationIsExactly(Set<Navigation> expected) {
        assertThat(page.locator("#side-nav vaadin-side-nav-item")).hasCount(expected.size());
        for (Navigation item : Navigation.values()) {
            Locator locator = page.locator("#" + item.id());
            if (expected.contains(item)) {
                assertThat(locator).isVisible();
            } else {
                assertThat(locator).hasCount(0);
            }
        }
        return this;
    }

    MainLayoutPage assertTenantSwitcherShown(boolean shown) {
        if (shown) {
            assertThat(tenantSwitcher()).isVisible();
        } else {
            assertThat(tenantSwitcher()).hasCount(0);
        }
        return this;
    }

    Locator currentUser() {
        return page.locator("#current-user");
    }

    TenantsPage goToTenants() {
        page.locator("#nav-tenants").click();
        return new TenantsPage(page);
    }

    OverviewPage goToOverview() {
        page.locator("#nav-overview").click();
        return new OverviewPage(page);
    }

    /** Picks a tenant in the switcher; the view stays where it is and shows that tenant. */
    MainLayoutPage switchTenant(String tenantName) {
        tenantSwitcher().locator("input").fill(tenantName);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(tenantName).setExact(true)).click();
        assertThat(tenantSwitcher().locator("input")).hasValue(tenantName);
        return this;
    }

    LoginPage signOut() {
        page.locator("#sign-out").click();
        return new LoginPage(page);
    }

    private Locator tenantSwitcher() {
        return page.locator("#tenant-switcher");
    }
}
