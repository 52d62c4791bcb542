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

        AuditPage audit = new MainLayoutPage(page).switchTenant("Northwind Outfitters").goToAudit()
                .assertEntry("Tenant: Northwind Outfitters (NWO)", "Created", "platform.admin", "#2a6f97");
        Screenshots.save(page, "audit");
        audit.filterByUser("nobody-by-this-name").assertEmptyStateShown();
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
