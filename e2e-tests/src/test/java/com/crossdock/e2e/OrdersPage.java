package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The {@code /orders} view: the tenant's orders with status and hold reasons, a search, and an order's detail with
 * its warehouse lines and journey. The list refreshes itself, so an order that just arrived shows up without reload.
 */
final class OrdersPage {

    private final Page page;

    OrdersPage(Page page) {
        this.page = page;
        assertThat(page).hasURL(TextPatterns.urlEndingWith("/orders"));
        assertThat(page.locator("#orders-grid, #orders-empty").first()).isVisible();
    }

    /** Checks the view shows its empty state, saying {@code text} about what to do next. */
    OrdersPage assertEmptyStateMentions(String text) {
        assertThat(page.locator("#orders-empty")).containsText(text);
        return this;
    }

    /** Waits until {@code orderName} is listed with {@code status} (e.g. {@code RELEASED}). */
    OrdersPage assertStatus(String orderName, String status) {
        assertThat(statusOf(orderName)).hasAttribute("data-status", status);
        return this;
    }

    /** Narrows the list to orders whose name contains {@code text}; checks how many are shown of how many. */
    OrdersPage search(String text, String expectedCount) {
        page.locator("#orders-search input").fill(text);
        // the list refreshes itself every 5 s: orders still being worked out show up on a later refresh
        assertThat(page.locator("#orders-count")).hasText(expectedCount,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        return this;
    }

    OrderDetail open(String orderName) {
        statusOf(orderName).click();
        return new OrderDetail(page);
    }

    private Locator statusOf(String orderName) {
        // the grid keeps cells it scrolled or filtered away in the page, hidden: only the shown one counts
        return page.locator("#orders-grid .order-status[data-order='" + orderName + "']:visible").first();
    }

    /** The detail dialog of one order. */
    static final class OrderDetail {

        private final Page page;

        OrderDetail(Page page) {
            this.page = page;
            assertThat(page.locator("#order-detail-status")).isVisible();
            assertThat(page.locator("#order-journey")).isVisible();
        }

        /** Checks the journey's steps are exactly these, in this order (e.g. {@code RECEIVED}, {@code RELEASED}). */
        OrderDetail assertJourney(String... steps) {
            Locator shown = page.locator("#order-journey .cd-timeline-step");
            assertThat(shown).hasCount(steps.length);
            for (int i = 0; i < steps.length; i++) {
                assertThat(shown.nth(i)).hasAttribute("data-step", steps[i]);
            }
            return this;
        }

        /** Checks the journey has this step (e.g. {@code TRACKING_POSTED}) somewhere. */
        OrderDetail assertJourneyIncludes(String step) {
            assertThat(page.locator("#order-journey .cd-timeline-step[data-step='" + step + "']").first())
                    .isVisible();
            return this;
        }

        OrderDetail assertWarehouseLine(String line) {
            assertThat(page.locator("#order-lines")).containsText(line);
            return this;
        }

        OrdersPage close() {
            page.locator("#order-detail-close").click();
            assertThat(page.locator("#order-journey")).isHidden();
            return new OrdersPage(page);
        }
    }
}
