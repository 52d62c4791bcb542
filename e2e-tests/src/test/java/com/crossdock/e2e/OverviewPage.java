package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/** The {@code /overview} view: the current tenant's onboarding stage and what to do next. */
final class OverviewPage {

    private final Page page;

    OverviewPage(Page page) {
        this.page = page;
        assertThat(page).hasURL(TextPatterns.urlEndingWith("/overview"));
        // a 3PL user with no tenant yet gets an empty state instead of a tenant
        assertThat(page.locator("#tenant-name, #overview-empty")).isVisible();
    }

    OverviewPage assertTenantName(String name) {
        assertThat(page.locator("#tenant-name")).hasText(name);
        return this;
    }

    OverviewPage assertOnboardingStageAndNextStepShown() {
        assertThat(page.locator("#onboarding-stage")).hasText(TextPatterns.NOT_BLANK);
        assertThat(page.locator("#next-step")).hasText(TextPatterns.NOT_BLANK);
        return this;
    }
}
