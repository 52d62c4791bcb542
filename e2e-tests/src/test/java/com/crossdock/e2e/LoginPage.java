package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** The {@code /login} view: Vaadin's LoginForm. */
final class LoginPage {

    private static final Pattern LOGIN_URL = TextPatterns.urlEndingWith("/login");

    private final Page page;

    LoginPage(Page page) {
        this.page = page;
        assertThat(page).hasURL(LOGIN_URL);
        assertThat(form().locator("input[name=username]")).isVisible();
    }

    static LoginPage open(Page page) {
        page.navigate("/login");
        return new LoginPage(page);
    }

    /** Opens the portal's root as a visitor who has not signed in; the portal should send them here. */
    static LoginPage openRootSignedOut(Page page) {
        page.navigate("/");
        return new LoginPage(page);
    }

    MainLayoutPage signInAs(DemoUser user) {
        submit(user.username(), DemoUser.PASSWORD);
        return new MainLayoutPage(page);
    }

    NoAccessPage signInWithoutAccess(String username) {
        submit(username, DemoUser.PASSWORD);
        return new NoAccessPage(page);
    }

    LoginPage signInExpectingRejection(String username, String password) {
        submit(username, password);
        return this;
    }

    LoginPage assertErrorShown() {
        assertThat(form()).hasAttribute("error", TextPatterns.ANY);
        // the form's message box; its text fields have (empty) error-message parts of their own
        assertThat(form().locator("[part='error-message']")
                .filter(new Locator.FilterOptions().setHasText(TextPatterns.NOT_BLANK))).isVisible();
        return this;
    }

    private void submit(String username, String password) {
        form().locator("input[name=username]").fill(username);
        form().locator("input[name=password]").fill(password);
        form().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log in")).click();
    }

    private Locator form() {
        return page.locator("#login-form");
    }
}
