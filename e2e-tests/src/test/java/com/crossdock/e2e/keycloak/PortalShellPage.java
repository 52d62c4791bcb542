package com.crossdock.e2e.keycloak;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.crossdock.e2e.DemoTenant;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The portal after a Keycloak sign-in: the shell (navigation, tenant switcher, user, sign-out) and its views. */
final class PortalShellPage {

    private final Page page;

    PortalShellPage(Page page) {
        this.page = page;
        assertThat(page.locator("#side-nav")).isVisible();
        assertThat(page.locator("#current-user")).not().isEmpty();
    }

    PortalShellPage assertSignedInAs(String displayName) {
        assertThat(page.locator("#current-user")).hasText(displayName);
        return this;
    }

    PortalShellPage assertTenantSwitcherShown(boolean shown) {
        if (shown) {
            assertThat(tenantSwitcher()).isVisible();
        } else {
            assertThat(tenantSwitcher()).hasCount(0);
        }
        return this;
    }

    PortalShellPage assertOverviewOf(DemoTenant tenant) {
        assertThat(page.locator("#tenant-name")).hasText(tenant.displayName());
        return this;
    }

    /** The Overview of a tenant created during the test. */
    PortalShellPage assertOverviewOf(String tenantName) {
        assertThat(page.locator("#tenant-name")).hasText(tenantName);
        return this;
    }

    PortalShellPage goToOverview() {
        page.locator("#nav-overview").click();
        assertThat(page.locator("#tenant-name, #overview-empty")).isVisible();
        return this;
    }

    /** Picks a tenant in the switcher (labelled "Name (CODE)"); the current view reloads for it. */
    PortalShellPage switchTenant(DemoTenant tenant) {
        Locator input = tenantSwitcher().locator("input");
        input.fill(tenant.displayName());
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(tenant.switcherLabel())).click();
        assertThat(input).hasValue(tenant.switcherLabel());
        return this;
    }

    /** Signs out of the portal and of Keycloak; Keycloak returns to the portal, which asks to sign in again. */
    KeycloakLoginPage signOut(String keycloakBaseUrl) {
        page.locator("#sign-out").click();
        return new KeycloakLoginPage(page, keycloakBaseUrl);
    }

    private Locator tenantSwitcher() {
        return page.locator("#tenant-switcher");
    }
}
