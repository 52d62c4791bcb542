package com.crossdock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order journey of a brand on its sandbox Shopify store: Harbor & Pine's admin finds the store's webhook
 * address under Channels, the store sends a signed order to it, the order is released to the warehouse with its
 * journey, and the exception of an order the demo store sent with an unknown SKU is resolved with its root cause.
 */
@ExtendWith(PortalBrowserExtension.class)
class OrderJourneyIT {

    private static final String UNKNOWN_SKU = "HP-HOODIE-GRY-M";

    @Test
    void aSignedOrderWebhookIsReleasedWithItsJourneyAndAStuckOrdersExceptionIsResolvedWithItsRootCause(Page page) {
        MainLayoutPage shell = LoginPage.open(page).signInAs(DemoUser.BRAND_ADMIN);
        ChannelsPage channels = shell.goToChannels()
                .assertCanConnect(true)
                .assertConnection(SandboxShopifyStore.CONNECTION_NAME, SandboxShopifyStore.SHOP_DOMAIN, "Sandbox")
                .testConnectionPasses(SandboxShopifyStore.CONNECTION_NAME);
        String webhookAddress = channels.webhookAddress(SandboxShopifyStore.CONNECTION_NAME);
        assertThat(webhookAddress).startsWith(origin(page.url()) + "/webhooks/shopify/");
        Screenshots.save(page, "channels");

        HttpResponse<String> response = SandboxShopifyStore.send(webhookAddress, "e2e-order-2001",
                SandboxShopifyStore.order(2001, List.of(new SandboxShopifyStore.Line("HP-TEE-NVY-M", 1),
                        new SandboxShopifyStore.Line("HP-TEE-WHT-L", 2))));
        assertThat(response.statusCode()).as("webhook answer: %s", response.body()).isEqualTo(200);

        OrdersPage orders = shell.goToOrders()
                .assertStatus("#2001", "RELEASED")
                .assertStatus("#1001", "RELEASED")
                .assertStatus("#1002", "HELD")
                .assertStatus("#1003", "HELD");
        Screenshots.save(page, "orders");
        orders.search("2001", "1 of 4 orders")
                .open("#2001")
                .assertJourney("RECEIVED", "NORMALISED", "RELEASED")
                .assertWarehouseLine("HP-TEE-NVY-M × 1")
                .assertWarehouseLine("HP-TEE-WHT-L × 2");
        Screenshots.save(page, "order-journey");
        new OrdersPage.OrderDetail(page).close();

        ExceptionsPage exceptions = shell.goToExceptions()
                .assertListed("UNKNOWN_SKU", UNKNOWN_SKU)
                .showPayload(UNKNOWN_SKU, "\"sku\":\"" + UNKNOWN_SKU + "\"");
        Screenshots.save(page, "exceptions");
        exceptions.startResolving(UNKNOWN_SKU).confirmWithoutRootCause();
        Screenshots.save(page, "exception-resolve");
        exceptions.cancelResolving()
                .resolve(UNKNOWN_SKU, "The grey hoodie is not stocked at the 3PL yet; the brand hid it in Shopify")
                .assertNotListed(UNKNOWN_SKU);

        // the sandbox shop sends a test batch the way a real shop would; the orders show up like any other
        shell.goToChannels().sendSandboxTestOrders(SandboxShopifyStore.CONNECTION_NAME);
        Screenshots.save(page, "channels-sandbox-batch");
        shell.goToOrders().search("", "14 orders");

        // the flows of the connection: import by polling now, write-back and stock once a day; the sandbox warehouse ships what was released, and
        // the write-back posts tracking for every order the sandbox shop has (#2001 was only ever a webhook, so
        // Shopify cannot know it: that shipment becomes an exception); the warehouse's stock goes to the shop
        FlowsPage flows = shell.goToFlows()
                .assertFlows("ORDER_IMPORT", "CANCELLATIONS", "FULFILLMENT_WRITEBACK", "INVENTORY_PUSH",
                        "RETURNS_IMPORT", "RETURNS_WRITEBACK")
                .runNow("ORDER_IMPORT")
                .assertLastRun("ORDER_IMPORT", "OK")
                // once a day from now, so no scheduled run comes between the shipping and what it shows
                .runEvery("FULFILLMENT_WRITEBACK", 1440)
                .runEvery("INVENTORY_PUSH", 1440)
                .shipReleasedOrders("The sandbox warehouse shipped")
                .assertLastRun("FULFILLMENT_WRITEBACK", "PARTIAL")
                .reportStock()
                .assertLastRunMoved("INVENTORY_PUSH", "OK");
        Screenshots.save(page, "flows");
        page.locator("#nav-stock").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".stock-drift").first())
                .isVisible();
        Screenshots.save(page, "stock");
        shell.goToOrders().search("1001", "1 of 14 orders")
                .open("#1001")
                .assertJourneyIncludes("SHIPPED")
                .assertJourneyIncludes("TRACKING_POSTED");
        Screenshots.save(page, "order-shipped");
        new OrdersPage.OrderDetail(page).close();
        shell.goToExceptions().assertListed("ORDER_NOT_IN_CHANNEL", "#2001")
                .filterByReason("ORDER_NOT_IN_CHANNEL")
                .takeAllShown()
                .assertOwner("#2001", DemoUser.BRAND_ADMIN.username())
                .resolveAllShown("#2001 was a test webhook only; Shopify never had it")
                .assertNotListed("#2001");
        Screenshots.save(page, "exceptions-filtered");

        // the 3PL connects its (sandbox) warehouse and maps the brand to it: the brand's next orders go out as 940s
        // over SFTP and come back as 945s with two cartons, which the brand sees as documents
        MainLayoutPage admin = shell.signOut().signInAs(DemoUser.PLATFORM_ADMIN)
                .switchTenant(DemoTenant.HARBOR_AND_PINE.displayName());
        admin.goToWarehouse().assertEmptyStateMentions("No warehouse is connected")
                .connectSandboxWarehouse()
                .assignAccount("HARBOR");
        admin.goToChannels().sendSandboxTestOrders(SandboxShopifyStore.CONNECTION_NAME);
        admin.goToOrders().search("", "24 orders");
        admin.goToWarehouse().exchangeNow();
        Screenshots.save(page, "warehouse");
        DocumentsPage documents = admin.goToDocuments()
                .awaitDocument("940", "SENT")
                .awaitDocument("945", "APPLIED")
                .awaitDocument("997", "APPLIED")
                .openAndSee("945", "APPLIED", "W0602");
        Screenshots.save(page, "document-945");
        documents.close();
        admin.goToWarehouse().openFilesAndSee("945");
        Screenshots.save(page, "warehouse-files");
    }

    @Test
    void theConnectFormSaysWhatToFixNeverRefillsCredentialsAndABrandUserCannotConnect(Page page) {
        MainLayoutPage admin = LoginPage.open(page).signInAs(DemoUser.BRAND_ADMIN);
        admin.goToChannels()
                .openConnectForm()
                .submitConnectForm("Second store", "harbor-pine.com", "shpat_second_store_token", "")
                .assertFieldError("shopify-domain", "myshopify.com")
                .assertFieldError("shopify-secret", "webhook signing secret")
                .cancelConnectForm()
                .openConnectForm()
                .cancelConnectForm();

        admin.signOut().signInAs(DemoUser.BRAND_USER).goToChannels()
                .assertCanConnect(false)
                .assertConnection(SandboxShopifyStore.CONNECTION_NAME, SandboxShopifyStore.SHOP_DOMAIN, "Sandbox");
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
