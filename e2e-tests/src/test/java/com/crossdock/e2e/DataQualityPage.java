package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/** The data-quality panel of the selected tenant's catalog. */
final class DataQualityPage {

    private final Page page;

    DataQualityPage(Page page) {
        this.page = page;
        assertThat(page.locator("#quality-count")).isVisible();
    }

    DataQualityPage assertFinding(String kind) {
        assertThat(page.locator(".quality-finding[data-kind=" + kind + "]")).isVisible();
        return this;
    }

    DataQualityPage assertNoFindings() {
        assertThat(page.locator("#quality-count")).hasText("No findings");
        assertThat(page.locator("#quality-clean")).isVisible();
        return this;
    }
}
