package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** The {@code /overview} view: the current tenant's onboarding stage and what to do next. */
final class OverviewPage {

    private static final Pattern NOT_BLANK = Pattern.compile("\\S");

    private final Page page;

    OverviewPage(Page page) {
        this.page = page;
        assertThat(page).hasURL(Pattern.compile(".*/overview([?#].*)?$"));
        assertThat(page.locator("#tenant-name")).isVisible();
    }

    static OverviewPage open(Page page) {
        page.navigate("/overview");
        return new OverviewPage(page);
    }

    OverviewPage assertTenantName(String name) {
        assertThat(page.locator("#tenant-name")).hasText(name);
        return this;
    }

    OverviewPage assertOnboardingStageAndNextStepShown() {
        assertThat(page.locator("#onboarding-stage")).hasText(NOT_BLANK);
        assertThat(page.locator("#next-step")).hasText(NOT_BLANK);
        return this;
    }

    Locator onboardingStage() {
        return page.locator("#onboarding-stage");
    }

    MainLayoutPage shell() {
        return new MainLayoutPage(page);
    }
}
