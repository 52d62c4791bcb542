package com.crossdock.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Captures each main screen on every run, so a reviewer can see the portal without starting it. Each test
 * waits for the screen's content before capturing it.
 */
@ExtendWith(PortalBrowserExtension.class)
class ScreenshotsIT {

    @Test
    void capturesTheLoginScreen(Page page) {
        LoginPage.open(page);
        Screenshots.save(page, "login");
    }

    @Test
    void capturesTheTenantsScreenAndTheTenantForm(Page page) {
        TenantsPage tenants = LoginPage.open(page)
                .signInAs(DemoUser.PLATFORM_ADMIN)
                .goToTenants()
                .assertListed(DemoTenant.HARBOR_AND_PINE.displayName())
                .assertListed(DemoTenant.OAKLINE.displayName());
        Screenshots.save(page, "tenants");

        tenants.newTenant();
        Screenshots.save(page, "tenant-form");
    }

    @Test
    void capturesTheOverviewForA3plUser(Page page) {
        MainLayoutPage shell = LoginPage.open(page).signInAs(DemoUser.ACCOUNT_MANAGER);
        shell.goToOverview();
        shell.switchTenant(DemoTenant.OAKLINE.displayName());
        new OverviewPage(page).assertTenantName(DemoTenant.OAKLINE.displayName())
                .assertOnboardingStageAndNextStepShown();
        Screenshots.save(page, "overview-3pl");
    }

    @Test
    void capturesTheOverviewForABrandUser(Page page) {
        LoginPage.open(page)
                .signInAs(DemoUser.BRAND_USER)
                .goToOverview()
                .assertTenantName(DemoUser.BRAND_USER.tenant().displayName())
                .assertOnboardingStageAndNextStepShown();
        Screenshots.save(page, "overview-brand");
    }

    @Test
    void capturesTheCatalogAndTheItemEditorWithItsTabs(Page page) {
        LoginPage.open(page).signInAs(DemoUser.BRAND_USER);
        page.locator("#nav-catalog").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#catalog-count"))
                .hasText("12 items");
        Screenshots.save(page, "catalog");
        page.locator("#catalog-grid vaadin-grid-cell-content").getByText("HP-TEE-BLK-M").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#item-tabs")).isVisible();
        page.locator("#item-tabs vaadin-tab").getByText("Packs & barcodes").click();
        Screenshots.save(page, "item-editor-packs");
    }

    @Test
    void capturesReceivingWithShipmentsUploadedFromTheBrandsOwnFile(Page page) {
        LoginPage.open(page).signInAs(DemoUser.BRAND_ADMIN);
        page.locator("#nav-receiving").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page)
                .hasURL(java.util.regex.Pattern.compile(".*/receiving$"));
        page.locator("#receiving-upload input[type=file]").setInputFiles(
                new com.microsoft.playwright.options.FilePayload("inbound.csv", "text/csv",
                        ("reference,carrier,expected_on,sku,quantity\n"
                        + "PO-SHOT-1,Old Dominion,2026-12-09,HP-TEE-BLK-M,24\n"
                        + "PO-SHOT-1,Old Dominion,2026-12-09,HP-TEE-NVY-L,12\n"
                        + "PO-SHOT-2,UPS Freight,2026-12-11,HP-TEE-BLK-M,48\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#receiving-grid"))
                .containsText("PO-SHOT-2");
        Screenshots.save(page, "receiving");
    }

    @Test
    void capturesTheSetupOfSourceOfTruthAndShipMethodsAndTheOverviewsReadiness(Page page) {
        LoginPage.open(page).signInAs(DemoUser.BRAND_ADMIN);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#readiness-score"))
                .isVisible();
        Screenshots.save(page, "overview-readiness");
        page.locator("#nav-setup").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#setup-version"))
                .isVisible();
        Screenshots.save(page, "setup");
        page.locator("#setup-exception-owners").scrollIntoViewIfNeeded();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                page.locator("#setup-exception-owners")).containsText("An order line's SKU is not in the catalog");
        Screenshots.save(page, "setup-exception-owners");
        page.locator("#nav-golive").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#golive-not-ready"))
                .containsText("readiness item(s) failing");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                page.locator("#golive-flows .golive-state").first()).hasAttribute("data-state", "SANDBOX");
        Screenshots.save(page, "go-live");
    }

    @Test
    void capturesTheReturnsBenchWithUnitsScannedAndDispositioned(Page page) {
        ReturnsPage returns = LoginPage.open(page).signInAs(DemoUser.BRAND_USER).goToReturns()
                .newRma("HP-TEE-BLK-M 2 too small")
                .scan("NOT-IN-THE-CATALOG").assertResult("no barcode or SKU")
                .scan("HP-TEE-BLK-M").assertResult("on inspection hold").assertReadyForTheNextScan()
                .condition("DAMAGED").scan("hp-tee-blk-m").assertResult("on inspection hold")
                .assertStatus("ON_HOLD");
        Screenshots.save(page, "returns-bench");
        returns.dispositionFirstHeld("RESTOCK_AVAILABLE").dispositionFirstHeld("DISPOSE")
                .assertStatus("DISPOSITIONED");
        Screenshots.save(page, "returns-dispositioned");
    }

    @Test
    void capturesTheHealthDashboardAndHypercareReviewOfABrandWithTwoWeeksOfHistory(Page page) {
        LoginPage.open(page).signInAs(DemoUser.BRAND_USER);
        HealthPages health = new HealthPages(page).openHealth();
        Screenshots.save(page, "health-brand");
        health.openHypercare();
        Screenshots.save(page, "hypercare");
    }

    @Test
    void capturesTheAccountManagersPortfolio(Page page) {
        LoginPage.open(page).signInAs(DemoUser.ACCOUNT_MANAGER);
        new HealthPages(page).openPortfolio(DemoTenant.HARBOR_AND_PINE.displayName());
        Screenshots.save(page, "portfolio");
    }

    @Test
    void capturesTheLeadershipHeatMapOfEveryClient(Page page) {
        LoginPage.open(page).signInAs(DemoUser.LEADERSHIP);
        new HealthPages(page).openLeadership();
        Screenshots.save(page, "leadership");
    }
}
