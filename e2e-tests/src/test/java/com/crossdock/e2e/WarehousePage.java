package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/** The Warehouse view of the 3PL's staff: WMS connections, "Exchange now", the selected brand's account. */
final class WarehousePage {

    private final Page page;

    WarehousePage(Page page) {
        this.page = page;
        assertThat(page.locator("#wms-connections")).isVisible();
    }

    WarehousePage assertEmptyStateMentions(String text) {
        assertThat(page.locator("#wms-empty")).containsText(text);
        return this;
    }

    WarehousePage connectSandboxWarehouse() {
        page.locator("#wms-connect-sandbox").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("is connected");
        assertThat(page.locator("#wms-grid")).isVisible();
        return this;
    }

    /** Maps the selected brand to the (only) warehouse with this customer code. */
    WarehousePage assignAccount(String customerCode) {
        page.locator("#wms-account-code input").fill(customerCode);
        page.locator("#wms-account-save").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("now go to");
        return this;
    }

    /** Opens the files exchanged with the (first) warehouse and checks one of this kind is listed. */
    WarehousePage openFilesAndSee(String text) {
        page.locator(".wms-files").first().click();
        assertThat(page.locator("#wms-files-grid")).containsText(text);
        return this;
    }

    WarehousePage closeFiles() {
        page.locator("#wms-files-dialog vaadin-button").last().click();
        assertThat(page.locator("#wms-files-grid")).isHidden();
        return this;
    }

    WarehousePage exchangeNow() {
        page.locator(".wms-exchange-now").first().click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("started");
        return this;
    }
}
