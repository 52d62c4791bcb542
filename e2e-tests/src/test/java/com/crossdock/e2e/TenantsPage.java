package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The {@code /tenants} view: the tenant grid and the form that creates and edits tenants. */
final class TenantsPage {

    private final Page page;

    TenantsPage(Page page) {
        this.page = page;
        assertThat(page).hasURL(TextPatterns.urlEndingWith("/tenants"));
        assertThat(grid()).isVisible();
    }

    TenantsPage assertListed(String tenantName) {
        assertThat(cell(tenantName).first()).isVisible();
        return this;
    }

    /**
     * Waits until the grid shows {@code loadedTenant} (so its rows have arrived) and then checks that
     * {@code tenantName} is not among them; an absence check alone would pass on an empty, still-loading grid.
     */
    TenantsPage assertNotListed(String tenantName, String loadedTenant) {
        assertListed(loadedTenant);
        assertThat(cell(tenantName)).hasCount(0);
        return this;
    }

    TenantsPage assertNewTenantOffered(boolean offered) {
        if (offered) {
            assertThat(page.locator("#new-tenant")).isVisible();
        } else {
            assertThat(page.locator("#new-tenant")).hasCount(0);
        }
        return this;
    }

    TenantForm newTenant() {
        page.locator("#new-tenant").click();
        return new TenantForm(page);
    }

    /** Reloads the view from the server, as a person pressing F5 would. */
    TenantsPage reload() {
        page.reload();
        return new TenantsPage(page);
    }

    private Locator grid() {
        return page.locator("#tenants-grid");
    }

    private Locator cell(String text) {
        return grid().locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(TextPatterns.exactly(text)));
    }

    /** The create/edit form inside the tenants view. */
    static final class TenantForm {

        private final Page page;

        private TenantForm(Page page) {
            this.page = page;
            assertThat(page.locator("#tenant-form")).isVisible();
            assertThat(page.locator("#tenant-name input")).isVisible();
        }

        TenantForm name(String name) {
            page.locator("#tenant-name input").fill(name);
            return this;
        }

        TenantForm code(String code) {
            page.locator("#tenant-code input").fill(code);
            return this;
        }

        TenantForm accentColor(String hexColor) {
            page.locator("#tenant-accent-color input").fill(hexColor);
            return this;
        }

        TenantForm status(String option) {
            page.locator("#tenant-status").click();
            option(option).click();
            return this;
        }

        TenantForm accountManager(String name) {
            page.locator("#tenant-account-manager input").fill(name);
            option(name).click();
            return this;
        }

        /** Saves a valid tenant: the form closes, a notification confirms and the grid shows the tenant. */
        TenantsPage save() {
            page.locator("#save-tenant").click();
            assertThat(page.locator("#tenant-form")).isHidden();
            assertThat(page.locator("vaadin-notification-card").first()).isVisible();
            return new TenantsPage(page);
        }

        TenantForm saveExpectingErrors() {
            page.locator("#save-tenant").click();
            return this;
        }

        /** An open select or combo-box option; the copy of the chosen item a select shows has no option role. */
        private Locator option(String label) {
            return page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true));
        }

        /** The field carries Vaadin's {@code invalid} attribute and shows an error message. */
        TenantForm assertFieldError(String fieldId) {
            Locator field = page.locator("#" + fieldId);
            assertThat(field).hasAttribute("invalid", TextPatterns.ANY);
            assertThat(field.locator("> [slot=error-message]")).hasText(TextPatterns.NOT_BLANK);
            return this;
        }

        TenantForm assertNoFieldError(String fieldId) {
            assertThat(page.locator("#" + fieldId)).not().hasAttribute("invalid", TextPatterns.ANY);
            return this;
        }
    }
}
