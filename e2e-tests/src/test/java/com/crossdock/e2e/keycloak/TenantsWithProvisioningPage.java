package com.crossdock.e2e.keycloak;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The Tenants view in keycloak mode: the form names the brand admin, the list shows provisioning. */
final class TenantsWithProvisioningPage {

    private final Page page;

    TenantsWithProvisioningPage(Page page) {
        this.page = page;
        assertThat(page.locator("#tenants-grid, #tenants-empty").first()).isVisible();
    }

    static TenantsWithProvisioningPage open(Page page) {
        page.locator("#nav-tenants").click();
        return new TenantsWithProvisioningPage(page);
    }

    /** Creates a tenant and invites its brand admin; returns once the dialog has closed. */
    TenantsWithProvisioningPage create(String name, String code, String adminEmail, String adminName) {
        page.locator("#new-tenant").click();
        fill("#tenant-name", name);
        fill("#tenant-code", code);
        fill("#tenant-brand-admin-email", adminEmail);
        fill("#tenant-brand-admin-name", adminName);
        page.locator("#save-tenant").click();
        assertThat(page.locator("#tenant-form")).hasCount(0);
        return this;
    }

    TenantsWithProvisioningPage assertProvisioning(String code, String label) {
        assertThat(page.locator("#provisioning-" + code)).hasText(label);
        return this;
    }

    TenantsWithProvisioningPage assertProvisioningContains(String code, String text) {
        assertThat(page.locator("#provisioning-" + code)).containsText(text);
        return this;
    }

    /** "Retry" on a failed provisioning; returns once the list shows the new outcome. */
    TenantsWithProvisioningPage retry(String code) {
        page.locator("#retry-provisioning-" + code).click();
        assertThat(page.locator("#retry-provisioning-" + code)).hasCount(0);
        return this;
    }

    /** Opens a tenant's dialog, which in keycloak mode lists the organization's people. */
    TenantsWithProvisioningPage openPeopleOf(String tenantName) {
        page.locator("#tenants-grid vaadin-grid-cell-content").getByText(tenantName, new Locator.GetByTextOptions()
                .setExact(true)).click();
        assertThat(people()).isVisible();
        page.locator("#tenant-people").scrollIntoViewIfNeeded();
        return this;
    }

    /** The panel lists the person's e-mail and how far someone is ("Done", "Invitation pending"). */
    TenantsWithProvisioningPage assertPerson(String email, String setUp) {
        assertThat(row(email)).isVisible();
        assertThat(cell(setUp)).isVisible();
        return this;
    }

    /** After revoking the only person: the grid has no rows (its recycled cells may still hold old text). */
    TenantsWithProvisioningPage assertNobody() {
        assertThat(people()).hasJSProperty("size", 0);
        return this;
    }

    TenantsWithProvisioningPage resendInvitation(String email) {
        page.locator("#resend-" + idOf(email)).click();
        assertThat(page.locator("vaadin-notification-card").getByText("Invitation sent again to " + email))
                .isVisible();
        return this;
    }

    TenantsWithProvisioningPage revoke(String email) {
        page.locator("#revoke-" + idOf(email)).click();
        return this;
    }

    private Locator people() {
        return page.locator("#people-grid");
    }

    private Locator row(String email) {
        return people().locator("vaadin-grid-cell-content").getByText(email, new Locator.GetByTextOptions()
                .setExact(true));
    }

    private Locator cell(String text) {
        return people().locator("vaadin-grid-cell-content").getByText(text, new Locator.GetByTextOptions()
                .setExact(true));
    }

    /** The People panel's buttons carry the person's e-mail in their ids, with anything but letters as '-'. */
    private static String idOf(String email) {
        return email.replaceAll("[^A-Za-z0-9]", "-");
    }

    private void fill(String field, String value) {
        page.locator(field + " input").fill(value);
    }
}
