package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The Returns view: the RMA queue, "New RMA", and the returns bench of the open RMA. */
final class ReturnsPage {

    private final Page page;

    ReturnsPage(Page page) {
        this.page = page;
        assertThat(page.locator("#returns-grid:visible, #returns-grid-empty:visible").first()).isVisible();
    }

    /** Enters an RMA by hand, one "SKU units reason" per line; its bench opens. */
    ReturnsPage newRma(String... lines) {
        page.locator("#returns-new").click();
        page.locator("#rma-lines textarea").fill(String.join("\n", lines));
        page.locator("#rma-save").click();
        assertThat(page.locator("#returns-bench")).isVisible();
        assertThat(statusBadge("EXPECTED")).isVisible();
        return this;
    }

    /** The condition of the next unit, as a large button on the bench. */
    ReturnsPage condition(String condition) {
        page.locator("#condition-" + condition).click();
        return this;
    }

    /** Types a code into the scan field and ends it with Enter, as a scanner does. */
    ReturnsPage scan(String code) {
        Locator field = page.locator("#returns-scan input");
        field.fill(code);
        field.press("Enter");
        return this;
    }

    /** The result of the last scan, which replaces the one before it. */
    ReturnsPage assertResult(String text) {
        assertThat(page.locator("#returns-result")).containsText(text);
        return this;
    }

    /** The scan field has the focus again, ready for the next unit. */
    ReturnsPage assertReadyForTheNextScan() {
        assertThat(page.locator("#returns-scan input")).isFocused();
        assertThat(page.locator("#returns-scan input")).hasValue("");
        return this;
    }

    /** Decides the first unit on inspection hold. */
    ReturnsPage dispositionFirstHeld(String disposition) {
        int before = page.locator("#returns-held .cd-held-unit").count();
        page.locator("#returns-held vaadin-button.disposition-" + disposition).first().click();
        assertThat(page.locator("#returns-held .cd-held-unit")).hasCount(before - 1);
        return this;
    }

    ReturnsPage assertStatus(String status) {
        assertThat(statusBadge(status)).isVisible();
        return this;
    }

    private Locator statusBadge(String status) {
        return page.locator("#bench-status .rma-status[data-status='" + status + "']");
    }
}
