package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/**
 * The sync-health views: Health (a brand's dashboard), Hypercare review, Portfolio and Leadership. Each opens from
 * the side navigation and waits for its own content (the charts drawn, the grids filled) before it is used.
 */
final class HealthPages {

    private final Page page;

    HealthPages(Page page) {
        this.page = page;
    }

    /** The brand dashboard with its flows and every chart drawn. */
    HealthPages openHealth() {
        page.locator("#nav-health").click();
        assertThat(page.locator("#health-flows-grid")).isVisible();
        for (String chart : new String[] {"orders", "shipments", "throughput", "drift", "by-reason"}) {
            assertThat(page.locator("#health-" + chart + " cd-chart[data-rendered]")).hasCount(1);
        }
        assertThat(page.locator("#health-alerts")).isVisible();
        return this;
    }

    /**
     * Today's hypercare review with its checks, or, while no tenant is in limited go-live or hypercare (the stage is
     * computed from the tenant's data), the empty state that says the review is only for those.
     */
    HealthPages openHypercare() {
        page.locator("#nav-hypercare").click();
        assertThat(page.locator("#hypercare-grid:visible, #hypercare-empty")).containsText(java.util.regex.Pattern
                .compile("Orders released to the warehouse|limited go-live or hypercare"));
        return this;
    }

    /** The account manager's portfolio, listing this tenant. */
    HealthPages openPortfolio(String tenant) {
        page.locator("#nav-portfolio").click();
        assertThat(page.locator("#portfolio-grid")).containsText(tenant);
        return this;
    }

    /** The leadership heat map and trend, drawn. */
    HealthPages openLeadership() {
        page.locator("#nav-leadership").click();
        assertThat(page.locator("#leadership-heatmap cd-chart[data-rendered]")).hasCount(1);
        assertThat(page.locator("#leadership-trend cd-chart[data-rendered]")).hasCount(1);
        return this;
    }
}
