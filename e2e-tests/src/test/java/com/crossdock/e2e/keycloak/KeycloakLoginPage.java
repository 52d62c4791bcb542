package com.crossdock.e2e.keycloak;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/**
 * Keycloak's own sign-in page for the crossdock realm. With organizations on it is identity-first: the username
 * on one page, the password on the next.
 */
final class KeycloakLoginPage {

    /** The password of every user in the realm kept with the portal (as for the local demo users). */
    static final String PASSWORD = "crossdock-demo";

    private final Page page;

    KeycloakLoginPage(Page page, String keycloakBaseUrl) {
        this.page = page;
        page.waitForURL(url -> url.startsWith(keycloakBaseUrl + "/realms/" + KeycloakServer.REALM + "/"));
        assertThat(page.locator("#kc-form-login #username")).isVisible();
    }

    PortalShellPage signInAs(String username) {
        return signInAs(username, PASSWORD);
    }

    PortalShellPage signInAs(String username, String password) {
        submit(username, password);
        return new PortalShellPage(page);
    }

    NoAccessPage signInWithoutAccess(String username) {
        submit(username, PASSWORD);
        return new NoAccessPage(page);
    }

    private void submit(String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#kc-login").click();
        assertThat(page.locator("#password")).isVisible();
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }

    /** The portal's page for a signed-in person who has neither a role nor a tenant. */
    record NoAccessPage(Page page) {

        NoAccessPage {
            assertThat(page.locator("#no-access")).isVisible();
            assertThat(page.locator("#side-nav")).hasCount(0);
        }
    }
}
