package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The {@code /exceptions} view: open exceptions with their raw payload, Retry and Resolve (with a root cause). */
final class ExceptionsPage {

    private final Page page;

    ExceptionsPage(Page page) {
        this.page = page;
        assertThat(page).hasURL(TextPatterns.urlEndingWith("/exceptions"));
        assertThat(page.locator("#exceptions-count")).hasText(TextPatterns.NOT_BLANK);
    }

    /** Checks the view shows its empty state, saying {@code text} about what to do next. */
    ExceptionsPage assertEmptyStateMentions(String text) {
        assertThat(page.locator("#exceptions-empty")).containsText(text);
        return this;
    }

    /** Checks one open exception with {@code reasonCode} mentions {@code text} (a SKU, an order name). */
    ExceptionsPage assertListed(String reasonCode, String text) {
        assertThat(exception(text)).hasAttribute("data-reason", reasonCode);
        return this;
    }

    ExceptionsPage assertNotListed(String text) {
        assertThat(cards(text)).hasCount(0);
        return this;
    }

    /** Opens the raw payload of the exception mentioning {@code text} and checks it holds {@code payloadText}. */
    ExceptionsPage showPayload(String text, String payloadText) {
        Locator exception = exception(text);
        exception.locator(".exception-payload vaadin-details-summary").click();
        assertThat(exception.locator(".cd-payload")).isVisible();
        assertThat(exception.locator(".cd-payload")).containsText(payloadText);
        return this;
    }

    /** Opens the Resolve dialog of the exception mentioning {@code text}. */
    ExceptionsPage startResolving(String text) {
        exception(text).locator(".exception-resolve").click();
        assertThat(page.locator("#resolve-root-cause")).isVisible();
        return this;
    }

    /** Confirms the open Resolve dialog without a root cause: it refuses and says what is missing. */
    ExceptionsPage confirmWithoutRootCause() {
        page.locator("#resolve-confirm").click();
        assertThat(page.locator("#resolve-root-cause")).hasAttribute("invalid", "");
        assertThat(page.locator("#resolve-root-cause [slot='error-message']")).containsText("root cause");
        return this;
    }

    ExceptionsPage cancelResolving() {
        page.locator("#resolve-cancel").click();
        assertThat(page.locator("#resolve-root-cause")).isHidden();
        return this;
    }

    /** Resolves the exception mentioning {@code text} with {@code rootCause}. */
    ExceptionsPage resolve(String text, String rootCause) {
        exception(text).locator(".exception-resolve").click();
        page.locator("#resolve-root-cause textarea").fill(rootCause);
        page.locator("#resolve-confirm").click();
        assertThat(page.locator("#resolve-root-cause")).isHidden();
        return this;
    }

    private Locator exception(String text) {
        Locator card = cards(text);
        assertThat(card).hasCount(1);
        return card;
    }

    private Locator cards(String text) {
        return page.locator(".exception-card").filter(new Locator.FilterOptions().setHasText(text));
    }

    /** Shows only the exceptions of one reason code, as a person picks it in the reason filter. */
    ExceptionsPage filterByReason(String reasonCode) {
        page.locator("#exceptions-reason").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(reasonCode)).first().click();
        assertThat(page.locator(".exception-card").first()).hasAttribute("data-reason", reasonCode);
        return this;
    }

    /** Selects every exception shown and makes the signed-in person their owner. */
    ExceptionsPage takeAllShown() {
        page.locator("#exceptions-select-all").click();
        assertThat(page.locator("#exceptions-selected")).containsText("selected");
        page.locator("#exceptions-take").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("You own");
        return this;
    }

    ExceptionsPage assertOwner(String text, String owner) {
        assertThat(exception(text).locator(".exception-owner")).hasText(owner);
        return this;
    }

    /** Selects every exception shown and resolves them all with one root cause. */
    ExceptionsPage resolveAllShown(String rootCause) {
        page.locator("#exceptions-select-all").click();
        page.locator("#exceptions-resolve").click();
        page.locator("#resolve-root-cause textarea").fill(rootCause);
        page.locator("#resolve-confirm").click();
        assertThat(page.locator("#resolve-root-cause")).isHidden();
        return this;
    }
}
