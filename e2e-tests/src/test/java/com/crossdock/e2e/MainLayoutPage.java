package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;

/** The shell around every signed-in view: side navigation, tenant switcher, current user and sign-out. */
final class MainLayoutPage {

    private final Page page;

    MainLayoutPage(Page page) {
        this.page = page;
        assertThat(page.locator("#side-nav")).isVisible();
        assertThat(page.locator("#current-user")).hasText(TextPatterns.NOT_BLANK);
    }

    MainLayoutPage assertSignedInAs(DemoUser user) {
        assertThat(currentUser()).hasText(user.displayName());
        return this;
    }

    /**
     * Checks the side navigation holds items with exactly these ids. The items arrive together, in the same
     * server response; the comparison names every missing or unexpected id.
     */
    @SuppressWarnings("unchecked")
    MainLayoutPage assertNavigationIsExactly(Set<String> expectedIds) {
        Locator items = page.locator("#side-nav vaadin-side-nav-item");
        assertThat(items.first()).isVisible();
        List<String> actualIds = (List<String>) items.evaluateAll("items => items.map(item => item.id)");
        Assertions.assertThat(actualIds).as("ids of the side navigation items")
                .containsExactlyInAnyOrderElementsOf(expectedIds);
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

    ImportPage goToImport() {
        page.locator("#nav-import").click();
        return new ImportPage(page);
    }

    DataQualityPage goToDataQuality() {
        page.locator("#nav-quality").click();
        return new DataQualityPage(page);
    }

    ChannelsPage goToChannels() {
        page.locator("#nav-channels").click();
        return new ChannelsPage(page);
    }

    FlowsPage goToFlows() {
        page.locator("#nav-flows").click();
        return new FlowsPage(page);
    }

    WarehousePage goToWarehouse() {
        page.locator("#nav-warehouse").click();
        return new WarehousePage(page);
    }

    DocumentsPage goToDocuments() {
        page.locator("#nav-documents").click();
        return new DocumentsPage(page);
    }

    ReturnsPage goToReturns() {
        page.locator("#nav-returns").click();
        return new ReturnsPage(page);
    }

    OrdersPage goToOrders() {
        page.locator("#nav-orders").click();
        return new OrdersPage(page);
    }

    ExceptionsPage goToExceptions() {
        page.locator("#nav-exceptions").click();
        return new ExceptionsPage(page);
    }

    AuditPage goToAudit() {
        page.locator("#nav-audit").click();
        return new AuditPage(page);
    }

    /**
     * Picks a tenant in the switcher by its name (the switcher labels tenants "Name (CODE)"); the current view
     * reloads for that tenant.
     */
    MainLayoutPage switchTenant(String tenantName) {
        Locator input = tenantSwitcher().locator("input");
        input.fill(tenantName);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(tenantName)).click();
        assertThat(input).hasValue(TextPatterns.startingWith(tenantName));
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
