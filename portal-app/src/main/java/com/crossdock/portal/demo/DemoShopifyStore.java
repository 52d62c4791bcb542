package com.crossdock.portal.demo;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.sync.OrderPipeline;
import com.crossdock.portal.sync.WebhookOutcome;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Harbor & Pine's sandbox Shopify store: the connection, and three orders sent the way Shopify sends them (a signed
 * {@code orders/create} webhook into the real pipeline), so Orders, a journey and an exception show from the start.
 * One order is released, one held for a SKU the catalog does not know, one held for an incomplete address.
 */
final class DemoShopifyStore {

    static final String CONNECTION_NAME = "Harbor & Pine Shopify (sandbox)";
    static final String SHOP_DOMAIN = "harbor-pine.myshopify.com";
    static final String API_VERSION = "2026-07";
    /**
     * The made-up signing secret of the demo's sandbox store; the end-to-end tests sign their webhooks with the same
     * value. Only the demo uses it: a real connection's secret is pasted in by the brand.
     */
    static final String WEBHOOK_SECRET = "hp-sandbox-webhook-secret-2026";
    private static final String ACCESS_TOKEN = "shpat_demo0harborpine0sandbox0c0de";
    private static final String TOPIC = "orders/create";

    private final ChannelService channels;
    private final OrderPipeline pipeline;
    private final ShopifySandboxService sandbox;
    private final Clock clock;

    DemoShopifyStore(ChannelService channels, OrderPipeline pipeline, ShopifySandboxService sandbox, Clock clock) {
        this.channels = channels;
        this.pipeline = pipeline;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /**
     * Connects a brand's sandbox store with nothing sent yet (Oakline's: its admin tries UAT on it); the caller acts
     * as the system.
     */
    void connectQuiet(TenantId tenant, String name, String shopDomain, String webhookSecret) {
        channels.connectShopify(tenant, new ShopifyConnectionCommand(name, shopDomain, API_VERSION,
                ChannelMode.SANDBOX, "shpat_demo0" + shopDomain.replaceAll("[^a-z0-9]", "0"), webhookSecret));
    }

    /**
     * Connects the store, places its three orders in the sandbox shop (so the sandbox warehouse can ship them and
     * their tracking can be posted back) and feeds their webhooks through the pipeline; the caller acts as the
     * system.
     */
    void connectAndSendOrders(TenantId tenant) {
        UUID store = channels.connectShopify(tenant, new ShopifyConnectionCommand(CONNECTION_NAME, SHOP_DOMAIN,
                API_VERSION, ChannelMode.SANDBOX, ACCESS_TOKEN, WEBHOOK_SECRET)).id();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        place(tenant, store, ordered("HP-TEE-BLK-M", 2, "HP-TEE-NVY-L", 1), false, now.minus(Duration.ofMinutes(50)));
        place(tenant, store, ordered("HP-TEE-WHT-S", 1, "HP-HOODIE-GRY-M", 1), false,
                now.minus(Duration.ofMinutes(35)));
        place(tenant, store, ordered("HP-TEE-BLK-L", 1), true, now.minus(Duration.ofMinutes(20)));
    }

    private void place(TenantId tenant, UUID store, Map<String, Integer> skus, boolean incompleteAddress,
            Instant at) {
        var placed = sandbox.placeOrder(tenant, store, skus, incompleteAddress, at);
        send(tenant, store, placed.orderName().substring(1), placed.webhookBody());
    }

    private static Map<String, Integer> ordered(Object... skuThenQuantity) {
        Map<String, Integer> skus = new LinkedHashMap<>();
        for (int i = 0; i < skuThenQuantity.length; i += 2) {
            skus.put((String) skuThenQuantity[i], (Integer) skuThenQuantity[i + 1]);
        }
        return skus;
    }

    /** Signs the body as Shopify does and hands it to the pipeline, then processes it before the demo goes on. */
    private void send(TenantId tenant, UUID store, String orderNumber, byte[] body) {
        String webhookId = "demo-order-" + orderNumber;
        String signature = ShopifyWebhookSignature.sign(body, WEBHOOK_SECRET);
        String headers = "X-Shopify-Hmac-Sha256: " + signature + "\nX-Shopify-Shop-Domain: " + SHOP_DOMAIN
                + "\nX-Shopify-Topic: " + TOPIC + "\nX-Shopify-Webhook-Id: " + webhookId;
        WebhookOutcome outcome = pipeline.receiveShopifyWebhook(tenant, store, TOPIC, webhookId, signature, headers,
                body, "127.0.0.1");
        if (outcome.kind() != WebhookOutcome.Kind.ACCEPTED || outcome.inboxId() == null) {
            throw new IllegalStateException("The demo store's order webhook was not accepted: " + outcome.kind());
        }
        pipeline.process(tenant, outcome.inboxId());
    }
}
