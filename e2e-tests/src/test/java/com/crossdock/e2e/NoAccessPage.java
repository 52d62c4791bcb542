package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/** Where a signed-in user without tenant or role lands until someone grants them access. */
final class NoAccessPage {

    private final Page page;

    NoAccessPage(Page page) {
        this.page = page;
        assertThat(page.locator("#no-access")).isVisible();
    }

    NoAccessPage assertNoNavigationOffered() {
        assertThat(page.locator("#side-nav vaadin-side-nav-item")).hasCount(0);
        return this;
    }
}
