package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The Audit view of the selected tenant: who changed what, with before and after. */
final class AuditPage {

    private final Page page;

    AuditPage(Page page) {
        this.page = page;
        assertThat(page.locator("#audit-grid")).isVisible();
    }

    /** Checks a row for {@code record} shows {@code change} by {@code actor}, and that its details mention {@code detail}. */
    AuditPage assertEntry(String record, String change, String actor, String detail) {
        Locator grid = page.locator("#audit-grid");
        assertThat(grid).containsText(record);
        assertThat(grid).containsText(change);
        assertThat(grid).containsText(actor);
        assertThat(grid).containsText(detail);
        return this;
    }

    /** Narrows the trail to one user; rows of others disappear. */
    AuditPage filterByUser(String text) {
        page.locator("#audit-user input").fill(text);
        page.locator("#audit-user input").press("Enter");
        return this;
    }

    AuditPage assertEmptyStateShown() {
        assertThat(page.locator("#audit-empty")).isVisible();
        return this;
    }
}
