package com.crossdock.e2e.keycloak;

import com.crossdock.e2e.DemoTenant;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in through a real Keycloak 26 with the realm kept with the portal: identity-first login, roles from the
 * {@code roles} claim, the tenant from the {@code organization} claim, and RP-initiated logout.
 */
@ExtendWith(KeycloakPortalExtension.class)
class KeycloakSignInIT {

    @Test
    void aBrandAdminSignsInThroughKeycloakAndWorksOnTheirOwnTenantWithoutTheSwitcher(KeycloakPortal portal, Page page) {
        portal.openSignedOut(page)
                .signInAs("brand.admin")
                .assertSignedInAs("Bea Admin")
                .assertOverviewOf(DemoTenant.HARBOR_AND_PINE)
                .assertTenantSwitcherShown(false);
    }

    @Test
    void anAccountManagerSignsInThroughKeycloakAndSwitchesBetweenTheTenantsAssignedToThem(KeycloakPortal portal,
            Page page) {
        PortalShellPage shell = portal.openSignedOut(page)
                .signInAs("account.manager")
                .assertSignedInAs("Marco Manager")
                .assertTenantSwitcherShown(true);

        shell.switchTenant(DemoTenant.HARBOR_AND_PINE)
                .goToOverview()
                .assertOverviewOf(DemoTenant.HARBOR_AND_PINE)
                .switchTenant(DemoTenant.OAKLINE)
                .assertOverviewOf(DemoTenant.OAKLINE);
    }

    @Test
    void signingOutEndsTheKeycloakSessionSoTheNextVisitAsksForTheUsernameAgain(KeycloakPortal portal, Page page) {
        PortalShellPage shell = portal.openSignedOut(page).signInAs("brand.user");

        shell.signOut(portal.keycloakBaseUrl());

        portal.openSignedOut(page);
    }

    @Test
    void aPersonWithoutRoleOrOrganizationLandsOnTheNoAccessPage(KeycloakPortal portal, Page page) {
        portal.openSignedOut(page).signInWithoutAccess("pending.user");
    }
}
