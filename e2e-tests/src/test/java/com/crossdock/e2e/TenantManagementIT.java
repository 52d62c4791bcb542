package com.crossdock.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortalBrowserExtension.class)
class TenantManagementIT {

    private static final String LOADED_TENANT = DemoTenant.HARBOR_AND_PINE.displayName();

    @Test
    void aPlatformAdminCreatesATenantThroughTheFormAndSeesItInTheGrid(Page page) {
        TenantsPage tenants = LoginPage.open(page)
                .signInAs(DemoUser.PLATFORM_ADMIN)
                .goToTenants()
                .assertListed(LOADED_TENANT);

        tenants.newTenant()
                .name("Northwind Outfitters")
                .code("NWO")
                .status("Active")
                .accountManager(DemoUser.ACCOUNT_MANAGER.displayName())
                .accentColor("#2A6F97")
                .save()
                .assertListed("Northwind Outfitters")
                .assertListed("NWO");

        tenants.reload().assertListed("Northwind Outfitters");

        MainLayoutPage shell = new MainLayoutPage(page).switchTenant("Northwind Outfitters");
        AuditPage audit = shell.goToAudit()
                .assertEntry("Tenant: Northwind Outfitters (NWO)", "Created", "platform.admin", "#2a6f97");
        Screenshots.save(page, "audit");
        audit.filterByUser("nobody-by-this-name").assertEmptyStateShown();

        capturesTheEmptyStatesOfABrandThatHasNotConnectedAStoreYet(page, shell);
    }

    /** The new brand has nothing yet: each section says what to do first (both demo brands have a store). */
    private static void capturesTheEmptyStatesOfABrandThatHasNotConnectedAStoreYet(Page page, MainLayoutPage shell) {
        shell.goToChannels().assertEmptyStateMentions("read_orders, write_fulfillments and write_inventory");
        Screenshots.save(page, "channels-empty");
        shell.goToOrders().assertEmptyStateMentions("connect the Shopify store under Channels");
        Screenshots.save(page, "orders-empty");
        shell.goToExceptions().assertEmptyStateMentions("Nothing is stuck.");
        Screenshots.save(page, "exceptions-empty");
        for (String section : java.util.List.of("flows", "stock", "receiving", "documents")) {
            page.locator("#nav-" + section).click();
            // the view of this section, not the one before it, must be on screen before the picture is taken
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page)
                    .hasURL(java.util.regex.Pattern.compile(".*/" + section + "$"));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                    page.locator("#" + (section.equals("receiving") ? "receiving-grid" : section) + "-empty"))
                    .isVisible();
            Screenshots.save(page, section + "-empty");
        }
    }

    @Test
    void savingWithAnEmptyNameOrABadCodeShowsFieldErrorsAndCreatesNothing(Page page) {
        TenantsPage tenants = LoginPage.open(page)
                .signInAs(DemoUser.PLATFORM_ADMIN)
                .goToTenants();

        tenants.newTenant()
                .name("")
                .code("not a code!")
                .saveExpectingErrors()
                .assertFieldError("tenant-name")
                .assertFieldError("tenant-code")
                .name("Rejected Brand Co")
                .saveExpectingErrors()
                .assertNoFieldError("tenant-name")
                .assertFieldError("tenant-code");

        tenants.reload().assertNotListed("Rejected Brand Co", LOADED_TENANT);
    }

    @Test
    void aLeadershipViewerSeesTheTenantsButIsNotOfferedToCreateOne(Page page) {
        LoginPage.open(page)
                .signInAs(DemoUser.LEADERSHIP)
                .goToTenants()
                .assertListed(DemoTenant.HARBOR_AND_PINE.displayName())
                .assertListed(DemoTenant.OAKLINE.displayName())
                .assertListed(DemoTenant.OAKLINE.code())
                .assertNewTenantOffered(false);
    }
}
