package com.crossdock.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** The {@code /channels} view: the tenant's store connections with their webhook addresses, and connecting one. */
final class ChannelsPage {

    private static final Pattern WEBHOOK_ADDRESS = Pattern.compile("^https?://[^/]+.*/webhooks/shopify/[0-9a-f-]{36}/"
            + "[0-9a-f-]{36}$");

    private final Page page;

    ChannelsPage(Page page) {
        this.page = page;
        assertThat(page).hasURL(TextPatterns.urlEndingWith("/channels"));
        assertThat(page.locator(".channel-connection, #channels-empty").first()).isVisible();
    }

    /** Checks a connection named {@code name} is listed for {@code shopDomain} in {@code mode} ("Sandbox", "Live"). */
    ChannelsPage assertConnection(String name, String shopDomain, String mode) {
        Locator connection = connection(name);
        assertThat(connection.locator(".channel-domain")).hasText(shopDomain);
        assertThat(connection.locator(".channel-mode")).hasText(mode);
        assertThat(connection.locator(".channel-token-hint")).containsText("…");
        return this;
    }

    /** Tests the connection against its store (the portal's sandbox for a sandbox one) and checks it passes. */
    ChannelsPage testConnectionPasses(String name) {
        connection(name).locator(".channel-test").click();
        assertThat(connection(name).locator(".channel-test-result")).hasAttribute("data-ok", "true");
        assertThat(connection(name).locator(".channel-test-result")).containsText("every scope Crossdock needs");
        return this;
    }

    /** Sends a batch of test orders from the sandbox shop and checks they were all accepted. */
    ChannelsPage sendSandboxTestOrders(String name) {
        connection(name).locator(".sandbox-generate").click();
        assertThat(connection(name).locator(".sandbox-generate-result")).hasAttribute("data-orders", "10");
        assertThat(connection(name).locator(".sandbox-generate-result")).containsText("all accepted");
        return this;
    }

    /** The address the store's app must send webhooks to, once the view has worked it out from the page's address. */
    String webhookAddress(String name) {
        Locator field = connection(name).locator(".channel-webhook-url textarea");
        assertThat(field).hasValue(WEBHOOK_ADDRESS);
        return field.inputValue();
    }

    /** Checks the view shows its empty state, saying {@code text} about what to do next. */
    ChannelsPage assertEmptyStateMentions(String text) {
        assertThat(page.locator("#channels-empty")).containsText(text);
        return this;
    }

    ChannelsPage assertCanConnect(boolean can) {
        if (can) {
            assertThat(connectButton()).isVisible();
        } else {
            assertThat(connectButton()).hasCount(0);
        }
        return this;
    }

    /** Opens the "Connect a Shopify store" dialog; its token and secret fields start empty. */
    ChannelsPage openConnectForm() {
        connectButton().click();
        assertThat(page.locator("#shopify-form")).isVisible();
        assertThat(page.locator("#shopify-token input")).hasValue("");
        assertThat(page.locator("#shopify-secret input")).hasValue("");
        return this;
    }

    /** Fills the open form and submits it. */
    ChannelsPage submitConnectForm(String name, String shopDomain, String token, String secret) {
        page.locator("#shopify-name input").fill(name);
        page.locator("#shopify-domain input").fill(shopDomain);
        page.locator("#shopify-token input").fill(token);
        page.locator("#shopify-secret input").fill(secret);
        page.locator("#shopify-save").click();
        return this;
    }

    /** Checks the open form marks {@code fieldId} (e.g. {@code shopify-domain}) with a message containing {@code text}. */
    ChannelsPage assertFieldError(String fieldId, String text) {
        Locator field = page.locator("#" + fieldId);
        assertThat(field).hasAttribute("invalid", "");
        assertThat(field.locator("[slot='error-message']")).containsText(text);
        return this;
    }

    ChannelsPage cancelConnectForm() {
        page.locator("#shopify-cancel").click();
        assertThat(page.locator("#shopify-form")).isHidden();
        return this;
    }

    private Locator connection(String name) {
        Locator connection = page.locator(".channel-connection")
                .filter(new Locator.FilterOptions().setHas(page.locator(".channel-name",
                        new Page.LocatorOptions().setHasText(TextPatterns.exactly(name)))));
        assertThat(connection).hasCount(1);
        return connection;
    }

    private Locator connectButton() {
        return page.locator("#connect-shopify");
    }
}
