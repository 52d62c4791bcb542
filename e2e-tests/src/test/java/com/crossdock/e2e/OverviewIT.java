package com.crossdock.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortalBrowserExtension.class)
class OverviewIT {

    @Test
    void aBrandAdminSeesTheOnboardingStageAndNextStepButNoTenantSwitcher(Page page) {
        LoginPage.open(page)
                .signInAs(DemoUser.BRAND_ADMIN)
                .assertTenantSwitcherShown(false)
                .goToOverview()
                .assertTenantName(DemoUser.BRAND_ADMIN.tenant().displayName())
                .assertOnboardingStageAndNextStepShown();
    }

    @Test
    void anAccountManagerSwitchesTenantAndTheOverviewShowsThatTenant(Page page) {
        MainLayoutPage shell = LoginPage.open(page).signInAs(DemoUser.ACCOUNT_MANAGER);
        shell.goToOverview();

        shell.switchTenant(DemoTenant.OAKLINE.displayName());
        new OverviewPage(page).assertTenantName(DemoTenant.OAKLINE.displayName())
                .assertOnboardingStageAndNextStepShown();

        shell.switchTenant(DemoTenant.HARBOR_AND_PINE.displayName());
        new OverviewPage(page).assertTenantName(DemoTenant.HARBOR_AND_PINE.displayName());
    }
}
