package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * UAT on the brand's own data, up to going live: Harbor &amp; Pine's admin confirms the owners of its data and of
 * every exception queue, removes the store's only mapped shipping method, runs the "Shipping-method override"
 * scenario and sees its step fail with the reason and evidence, maps that method and the store's standard shipping
 * in Setup, re-runs it until it passes and signs it; the account manager signs it too, and the signed report is what
 * both signed. With the open exceptions worked off, every readiness item passes and the admin switches the order
 * import of the brand's Walmart marketplace (onboarded on the Walmart sandbox, in shadow until now) live.
 */
@ExtendWith(PortalBrowserExtension.class)
class UatJourneyIT {

    private static final String SCENARIO = "shipping-method-override";
    private static final String WALMART = "Harbor & Pine Walmart (sandbox)";

    @Test
    void aBrandRunsUatSeesAFailureFixesItReRunsAndBothRolesSignTheReport(Page page) throws IOException {
        MainLayoutPage shell = LoginPage.open(page).signInAs(DemoUser.BRAND_ADMIN);
        page.locator("#nav-setup").click();
        page.locator("#setup-owners-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("is confirmed");
        assertThat(page.locator("#setup-owners-confirm")).isDisabled();
        page.locator("#setup-exception-confirm").click();
        assertThat(page.locator("#setup-exception-confirm")).isDisabled();
        Locator express = page.locator("#setup-ship-grid .setup-ship-remove[data-level='EXPRESS']");
        assertThat(express).isVisible();
        express.click();
        assertThat(page.locator("#setup-ship-grid")).isHidden();

        page.locator("#nav-uat").click();
        assertThat(page.locator("#uat-status")).containsText("No UAT run yet");
        // a button inside a grid row: the click event itself, so no row scrolling moves it under the pointer
        page.locator("#uat-run-" + SCENARIO).dispatchEvent("click");
        assertThat(page.locator("#uat-run-detail")).containsText("Shipping-method override");
        // the layout scrolls inside the page: bring what the picture is of into view
        page.locator("#uat-run-detail").scrollIntoViewIfNeeded();
        Screenshots.save(page, "uat-run-in-progress");
        Locator steps = page.locator("#uat-steps");
        assertThat(steps).containsText("none is mapped: map the store's shipping methods");
        // it failed before it sent anything, so the step has its reason and no evidence yet
        assertThat(page.locator("#uat-evidence-1")).isDisabled();
        steps.scrollIntoViewIfNeeded();
        Screenshots.save(page, "uat-failed-step");

        page.locator("#nav-setup").click();
        page.locator("#setup-ship-level input").fill("Express");
        page.locator("#setup-ship-carrier input").fill("UPSN");
        page.locator("#setup-ship-service input").fill("02");
        page.locator("#setup-ship-add").click();
        assertThat(page.locator("#setup-ship-grid .setup-ship-remove[data-level='EXPRESS']")).isVisible();
        // and the store's standard shipping, which its orders use, so readiness has every method mapped
        page.locator("#setup-ship-level input").fill("Standard Shipping");
        page.locator("#setup-ship-carrier input").fill("UPSN");
        page.locator("#setup-ship-service input").fill("03");
        page.locator("#setup-ship-add").click();
        assertThat(page.locator("#setup-ship-grid .setup-ship-remove[data-level='STANDARD SHIPPING']")).isVisible();

        page.locator("#nav-uat").click();
        page.locator("#uat-runs vaadin-grid-cell-content").getByText("Shipping-method override").first().click();
        page.locator("#uat-rerun").dispatchEvent("click");
        assertThat(page.locator("#uat-sign-brand-admin")).isVisible();
        page.locator("#uat-evidence-1").dispatchEvent("click");
        assertThat(page.locator("#uat-evidence-dialog")).containsText("Webhook body");
        Screenshots.save(page, "uat-evidence");
        page.locator("#uat-evidence-close").click();
        page.locator("#uat-sign-brand-admin").click();
        assertThat(page.locator("#uat-signoffs")).containsText("Brand admin");

        shell.signOut().signInAs(DemoUser.ACCOUNT_MANAGER)
                .switchTenant(DemoTenant.HARBOR_AND_PINE.displayName());
        page.locator("#nav-uat").click();
        page.locator("#uat-runs vaadin-grid-cell-content").getByText("1 of 2").first().click();
        page.locator("#uat-sign-account-manager").click();
        assertThat(page.locator("#uat-signoffs")).containsText("Account manager");
        assertThat(page.locator("#uat-status")).containsText("signed");
        page.locator("#uat-signoffs").scrollIntoViewIfNeeded();
        Screenshots.save(page, "uat-signed");

        Download download = page.waitForDownload(() -> page.locator("#uat-report").click());
        String report = Files.readString(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(report).contains("Shipping-method override", "Brand admin",
                "Account manager", "PASSED");
        page.setContent(report);
        Screenshots.save(page, "uat-signed-report");

        goesLiveOnceEveryReadinessItemPasses(page, LoginPage.open(page).signInAs(DemoUser.BRAND_ADMIN));
    }

    /**
     * The brand admin works off what is still open (the demo store's test orders left unknown SKUs), sees readiness
     * pass, and switches the Walmart marketplace's order import live.
     */
    private static void goesLiveOnceEveryReadinessItemPasses(Page page, MainLayoutPage shell) {
        ExceptionsPage exceptions = shell.goToExceptions();
        if (page.locator(".exception-card").count() > 0) {
            exceptions.resolveAllShown("Worked off before go-live: the demo store's test orders, reviewed");
        }
        assertThat(page.locator("#exceptions-empty")).isVisible();

        page.locator("#nav-golive").click();
        assertThat(page.locator("#golive-ready")).isVisible();
        Locator state = page.locator(".golive-state[data-connection='" + WALMART + "'][data-flow='ORDER_IMPORT']");
        assertThat(state).hasAttribute("data-state", "SHADOW");
        page.locator(".golive-switch[data-connection='" + WALMART + "'][data-flow='ORDER_IMPORT']")
                .dispatchEvent("click");
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Order import is live");
        assertThat(state).hasAttribute("data-state", "SANDBOX");
        // only the flow switched goes live
        assertThat(page.locator(".golive-state[data-connection='" + WALMART + "'][data-flow='INVENTORY_PUSH']"))
                .hasAttribute("data-state", "SHADOW");
        state.scrollIntoViewIfNeeded();
        Screenshots.save(page, "go-live-switched");
    }
}
