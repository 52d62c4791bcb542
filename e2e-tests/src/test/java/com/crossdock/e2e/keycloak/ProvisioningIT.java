package com.crossdock.e2e.keycloak;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Onboarding a client in keycloak mode, with a real Keycloak 26 and a real SMTP server (GreenMail): an account
 * manager creates a tenant naming its brand admin, the portal sets up the organization and the user in Keycloak,
 * Keycloak e-mails the invitation, and the brand admin follows the link, sets a password and lands in the portal on
 * their own tenant.
 */
@ExtendWith(KeycloakPortalExtension.class)
class ProvisioningIT {

    private static final String LOOPBACK = "127.0.0.1";
    private static final long MAIL_TIMEOUT_MS = 30_000;
    private static final String NEW_PASSWORD = "fjord-first-password-1";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @BeforeEach
    void keycloakSendsItsEMailsThroughTheTestServer(KeycloakPortal portal) {
        portal.useSmtpServer(LOOPBACK, MAIL.getSmtp().getPort(), "portal@crossdock.example");
    }

    @Test
    void anAccountManagerOnboardsABrandWhoseAdminSetsAPasswordFromTheInvitationAndLandsOnTheirOverview(
            KeycloakPortal portal, Page page) {
        portal.openSignedOut(page).signInAs("account.manager");
        TenantsWithProvisioningPage.open(page)
                .create("Fjord Outdoor", "FJORD", "ana.berg@fjord.example", "Ana Berg")
                .assertProvisioning("FJORD", "Done");
        screenshot(page, "provisioning-1-tenant-done");

        assertThat(MAIL.waitForIncomingEmail(MAIL_TIMEOUT_MS, 1)).as("the invitation arrived").isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        Invitation invitation = Invitation.of(received[0]);
        assertThat(invitation.recipient()).isEqualTo("ana.berg@fjord.example");

        Page admin = portal.newPage();
        try {
            SetPasswordPage.follow(admin, invitation.actionLink(), portal.keycloakBaseUrl())
                    .setPassword(NEW_PASSWORD)
                    .backToPortal(portal.keycloakBaseUrl())
                    .signInAs("ana.berg@fjord.example", NEW_PASSWORD)
                    .assertSignedInAs("Ana Berg")
                    .assertOverviewOf("Fjord Outdoor")
                    .assertTenantSwitcherShown(false);
            screenshot(admin, "provisioning-2-brand-admin-overview");
        } catch (RuntimeException | AssertionError e) {
            screenshot(admin, "failed-ProvisioningIT-brand-admin");
            throw new AssertionError("The brand admin's browser stopped at " + admin.url(), e);
        } finally {
            admin.context().close();
        }

        page.reload();
        new TenantsWithProvisioningPage(page).openPeopleOf("Fjord Outdoor")
                .assertPerson("ana.berg@fjord.example", "Done");
        screenshot(page, "provisioning-3-people");
    }

    @Test
    void anInvitationCanBeSentAgainAndSomeoneWhoNeverSetUpCanBeRevoked(KeycloakPortal portal, Page page) {
        portal.openSignedOut(page).signInAs("account.manager");
        TenantsWithProvisioningPage tenants = TenantsWithProvisioningPage.open(page)
                .create("Kite Goods", "KITE", "kim@kite.example", "Kim Kato")
                .assertProvisioning("KITE", "Done");
        assertThat(MAIL.waitForIncomingEmail(MAIL_TIMEOUT_MS, 1)).as("the first invitation arrived").isTrue();

        tenants.openPeopleOf("Kite Goods")
                .assertPerson("kim@kite.example", "Invitation pending")
                .resendInvitation("kim@kite.example");
        assertThat(MAIL.waitForIncomingEmail(MAIL_TIMEOUT_MS, 2)).as("the second invitation arrived").isTrue();
        assertThat(Invitation.of(MAIL.getReceivedMessages()[1]).recipient()).isEqualTo("kim@kite.example");

        tenants.revoke("kim@kite.example").assertNobody();
        assertThat(portal.disabledUsersWithEmail("kim@kite.example")).as("never set up, so disabled").isEqualTo(1);
        screenshot(page, "provisioning-4-revoked");
    }

    @Test
    void whenTheMailServerIsDownTheTenantIsKeptAsFailedWithTheReasonAndARetryFinishesWithoutDuplicates(
            KeycloakPortal portal, Page page) {
        portal.useSmtpServer(LOOPBACK, closedPort(), "portal@crossdock.example");
        portal.openSignedOut(page).signInAs("account.manager");
        TenantsWithProvisioningPage tenants = TenantsWithProvisioningPage.open(page)
                .create("Larch Living", "LARCH", "lea@larch.example", "Lea Lind")
                .assertProvisioningContains("LARCH", "Failed: The e-mail server refused the invitation");
        screenshot(page, "provisioning-5-mail-server-down");

        portal.useSmtpServer(LOOPBACK, MAIL.getSmtp().getPort(), "portal@crossdock.example");
        tenants.retry("LARCH").assertProvisioning("LARCH", "Done");
        assertThat(MAIL.waitForIncomingEmail(MAIL_TIMEOUT_MS, 1)).as("the invitation arrived").isTrue();
        tenants.openPeopleOf("Larch Living").assertPerson("lea@larch.example", "Invitation pending");
        assertThat(portal.organizationsWithAlias("larch")).isEqualTo(1);
        assertThat(portal.usersWithEmail("lea@larch.example")).isEqualTo(1);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of(System.getProperty("screenshots.dir", "target/screenshots")).resolve(name + ".png"))
                .setFullPage(true)
                .setAnimations(ScreenshotAnimations.DISABLED));
    }
}
