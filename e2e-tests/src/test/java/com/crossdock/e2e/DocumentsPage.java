package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** The Documents view: the X12 documents a brand exchanged with its warehouse. */
final class DocumentsPage {

    /** The exchange runs in the background and the view refreshes every few seconds. */
    private static final double EXCHANGE_TIMEOUT_MILLIS = 45_000;

    private final Page page;

    DocumentsPage(Page page) {
        this.page = page;
        assertThat(page.locator("#documents-grid, #documents-empty").first()).isVisible();
    }

    /** Waits for a document of this transaction set with this status (e.g. 945, APPLIED). */
    DocumentsPage awaitDocument(String transactionSet, String status) {
        assertThat(document(transactionSet, status)).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(EXCHANGE_TIMEOUT_MILLIS));
        return this;
    }

    /**
     * Opens a document and checks its segments are shown one per row, each element with its position (e.g.
     * {@code W0602} for the depositor order number of a 945).
     */
    DocumentsPage openAndSee(String transactionSet, String status, String elementPosition) {
        document(transactionSet, status).click();
        assertThat(page.locator("#document-segment-table")).containsText(elementPosition);
        return this;
    }

    DocumentsPage close() {
        page.locator("#document-detail vaadin-button").last().click();
        assertThat(page.locator("#document-segment-table")).isHidden();
        return this;
    }

    private Locator document(String transactionSet, String status) {
        return page.locator("#documents-grid .document-status[data-set='" + transactionSet + "'][data-status='"
                + status + "']:visible").first();
    }
}
