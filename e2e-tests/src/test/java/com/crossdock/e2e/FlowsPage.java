package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** The Flows view: each connection's flows with their switch, schedule, last run and "Run now". */
final class FlowsPage {

    /** Flows run in the background and the page refreshes every few seconds: give a run time to finish. */
    private static final double RUN_TIMEOUT_MILLIS = 45_000;

    private final Page page;

    FlowsPage(Page page) {
        this.page = page;
        assertThat(page.locator("#flows")).isVisible();
    }

    /** Checks every flow of the issue is listed for the tenant's connection. */
    FlowsPage assertFlows(String... flows) {
        for (String flow : flows) {
            assertThat(page.locator(".cd-flow-run[data-flow='" + flow + "']").first()).isVisible();
        }
        return this;
    }

    /** Sets how often a flow runs, as a person types it; the notice confirms. */
    FlowsPage runEvery(String flow, int minutes) {
        Locator field = page.locator("[id^='flow-interval-'][id$='-" + flow + "'] input").first();
        field.fill(String.valueOf(minutes));
        field.press("Tab");
        assertThat(page.locator("vaadin-notification-card").last()).containsText("runs every " + minutes + " min");
        return this;
    }

    FlowsPage runNow(String flow) {
        page.locator("[id^='flow-run-'][id$='-" + flow + "']").first().click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("started");
        return this;
    }

    /** Waits for the flow's last run to have ended with this outcome (OK, PARTIAL, FAILED). */
    FlowsPage assertLastRun(String flow, String outcome) {
        assertThat(page.locator(".cd-flow-run[data-flow='" + flow + "']").first()).hasAttribute("data-outcome",
                outcome, new LocatorAssertions.HasAttributeOptions().setTimeout(RUN_TIMEOUT_MILLIS));
        return this;
    }

    /** Waits for a run of the flow that moved something (an earlier run may have ended with the same outcome). */
    FlowsPage assertLastRunMoved(String flow, String outcome) {
        assertThat(page.locator(".cd-flow-run[data-flow='" + flow + "']").first()).hasAttribute("data-out",
                java.util.regex.Pattern.compile("[1-9][0-9]*"),
                new LocatorAssertions.HasAttributeOptions().setTimeout(RUN_TIMEOUT_MILLIS));
        return assertLastRun(flow, outcome);
    }

    /** The sandbox warehouse ships the released orders; the notice says how many, in how many cartons. */
    FlowsPage shipReleasedOrders(String expectedNotice) {
        page.locator("#sandbox-ship").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText(expectedNotice);
        return this;
    }

    FlowsPage reportStock() {
        page.locator("#sandbox-stock").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("reported stock");
        return this;
    }

    Locator flowRow(String flow) {
        return page.locator(".cd-flow-run[data-flow='" + flow + "']").first();
    }
}
