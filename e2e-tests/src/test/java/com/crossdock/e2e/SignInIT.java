package com.crossdock.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(PortalBrowserExtension.class)
class SignInIT {

    @Test
    void aVisitorWhoHasNotSignedInIsSentToTheLoginPage(Page page) {
        LoginPage.openRootSignedOut(page);
    }

    @ParameterizedTest(name = "{0} sees exactly their role''s navigation, then signs out")
    @EnumSource(DemoUser.class)
    void eachDemoUserSeesExactlyTheirRolesNavigationAndSignsOutToTheLoginPage(DemoUser user, Page page) {
        MainLayoutPage shell = LoginPage.open(page).signInAs(user);

        shell.assertSignedInAs(user)
                .assertNavigationIsExactly(user.navigation())
                .assertTenantSwitcherShown(user.switchesTenants());

        shell.signOut();
        LoginPage.openRootSignedOut(page);
    }

    @Test
    void aWrongPasswordIsRejectedWithAnError(Page page) {
        LoginPage.open(page)
                .signInExpectingRejection(DemoUser.PLATFORM_ADMIN.username(), "not-the-password")
                .assertErrorShown();
    }

    @Test
    void aUserWithoutTenantOrRoleLandsOnTheNoAccessPage(Page page) {
        LoginPage.open(page)
                .signInWithoutAccess(DemoUser.PENDING_USERNAME)
                .assertNoNavigationOffered();
    }
}
