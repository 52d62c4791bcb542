package com.crossdock.e2e.keycloak;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/** Keycloak's pages behind an invitation link: "perform the following actions", then "update password". */
final class SetPasswordPage {

    private final Page page;

    private SetPasswordPage(Page page) {
        this.page = page;
    }

    /** Opens the e-mailed link in a browser without a Keycloak session and proceeds to the password form. */
    static SetPasswordPage follow(Page page, String actionLink, String keycloakBaseUrl) {
        page.navigate(actionLink);
        page.waitForURL(url -> url.startsWith(keycloakBaseUrl));
        page.locator("#kc-info-message a, #password-new").first().waitFor();
        if (page.locator("#password-new").count() == 0) {
            page.locator("#kc-info-message a").click();
        }
        assertThat(page.locator("#password-new")).isVisible();
        return new SetPasswordPage(page);
    }

    /** Sets the password; Keycloak confirms with "Account updated" and a link back to the portal. */
    AccountUpdated setPassword(String password) {
        page.locator("#password-new").fill(password);
        page.locator("#password-confirm").fill(password);
        page.locator("#kc-passwd-update-form [type=submit]").click();
        return new AccountUpdated(page);
    }

    /** Keycloak's confirmation after the invitation's actions are done. */
    record AccountUpdated(Page page) {

        AccountUpdated {
            assertThat(page.getByText("Your account has been updated.")).isVisible();
        }

        /**
         * "Back to Application" opens the portal (the redirect the invitation was sent with); the action token signs
         * nobody in, so the portal sends the person to Keycloak's sign-in page.
         */
        KeycloakLoginPage backToPortal(String keycloakBaseUrl) {
            page.getByText("Back to Application").click();
            return new KeycloakLoginPage(page, keycloakBaseUrl);
        }
    }
}
