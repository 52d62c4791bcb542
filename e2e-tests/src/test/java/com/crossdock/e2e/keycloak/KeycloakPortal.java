package com.crossdock.e2e.keycloak;

import com.crossdock.e2e.PortalProcess;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Keycloak, the portal jar in keycloak sign-in mode pointed at it, and a headless Chromium: started once per
 * test JVM, in that order, and stopped in reverse.
 */
final class KeycloakPortal implements AutoCloseable {

    /** Without the networking flags Chromium keeps trying to reach Google services on a closed network. */
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final KeycloakServer keycloak;
    private final PortalProcess portal;
    private final Playwright playwright;
    private final Browser browser;

    private KeycloakPortal(KeycloakServer keycloak, PortalProcess portal, Playwright playwright, Browser browser) {
        this.keycloak = keycloak;
        this.portal = portal;
        this.playwright = playwright;
        this.browser = browser;
    }

    static KeycloakPortal start() {
        KeycloakServer keycloak = KeycloakServer.start();
        PortalProcess portal = null;
        Playwright playwright = null;
        try {
            portal = PortalProcess.start(portalWorkdir(), Map.of(
                    "CROSSDOCK_IDENTITY_MODE", "keycloak",
                    "CROSSDOCK_OIDC_ISSUER", keycloak.issuer(),
                    "CROSSDOCK_OIDC_CLIENT_ID", "crossdock-portal",
                    "CROSSDOCK_OIDC_CLIENT_SECRET", keycloak.portalClientSecret(),
                    "CROSSDOCK_PROVISIONING_SERVER_URL", keycloak.baseUrl(),
                    "CROSSDOCK_PROVISIONING_CLIENT_SECRET", keycloak.provisioningClientSecret()));
            playwright = createPlaywright();
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
            return new KeycloakPortal(keycloak, portal, playwright, browser);
        } catch (RuntimeException e) {
            if (playwright != null) {
                playwright.close();
            }
            if (portal != null) {
                portal.close();
            }
            keycloak.close();
            throw e;
        }
    }

    /** Playwright unpacks its driver into java.io.tmpdir, which the build points at a folder that may not exist. */
    private static Playwright createPlaywright() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** A fresh browser context (no cookies, so no Keycloak session) on a page of the portal. */
    Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(portal.baseUrl())
                .setViewportSize(1280, 800)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
        context.setDefaultTimeout(15_000);
        context.setDefaultNavigationTimeout(30_000);
        return context.newPage();
    }

    /** Opens the portal's root without a session: the portal sends the visitor to Keycloak's sign-in page. */
    KeycloakLoginPage openSignedOut(Page page) {
        page.navigate("/");
        return new KeycloakLoginPage(page, keycloak.baseUrl());
    }

    /** Sends the realm's e-mails (invitations) through this SMTP server. */
    void useSmtpServer(String host, int port, String from) {
        keycloak.useSmtpServer(host, port, from);
    }

    /** How many organizations of the realm have this alias, read through the admin API. */
    int organizationsWithAlias(String alias) {
        return keycloak.countMatches("organizations?first=0&max=1000", "\"alias\"\\s*:\\s*\"" + alias + "\"");
    }

    /** How many users of the realm have exactly this e-mail address. */
    int usersWithEmail(String email) {
        return keycloak.countMatches("users?exact=true&email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8), "\"email\"\\s*:\\s*\"" + email + "\"");
    }

    /** How many users with exactly this e-mail address Keycloak has disabled. */
    int disabledUsersWithEmail(String email) {
        return keycloak.countMatches("users?exact=true&email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8),
                "\"enabled\"\\s*:\\s*false");
    }

    String keycloakBaseUrl() {
        return keycloak.baseUrl();
    }

    /** Beside the default portal of the other tests, which uses {@code portal.workdir}. */
    private static Path portalWorkdir() {
        return Path.of(System.getProperty("portal.workdir", "target/portal")).resolveSibling("portal-keycloak");
    }

    @Override
    public void close() {
        try {
            browser.close();
            playwright.close();
        } finally {
            try {
                portal.close();
            } finally {
                keycloak.close();
            }
        }
    }
}
