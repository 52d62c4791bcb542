package com.crossdock.portal.demo;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.sync.OrderPipeline;
import com.crossdock.portal.sync.WebhookOutcome;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

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
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelService channels;
    private final OrderPipeline pipeline;
    private final Clock clock;

    DemoShopifyStore(ChannelService channels, OrderPipeline pipeline, Clock clock) {
        this.channels = channels;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** Connects the store and feeds its three orders through the pipeline; the caller acts as the system. */
    void connectAndSendOrders(TenantId tenant) {
        UUID store = channels.connectShopify(tenant, new ShopifyConnectionCommand(CONNECTION_NAME, SHOP_DOMAIN,
                API_VERSION, ChannelMode.SANDBOX, ACCESS_TOKEN, WEBHOOK_SECRET)).id();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> portland = address("Maya Chen", "88 Commercial Street", "Portland", "ME", "04101");
        send(tenant, store, 1001, order(1001, now.minus(Duration.ofMinutes(50)), portland, List.of(
                line("HP-TEE-BLK-M", "Harbor tee - Black / M", 2),
                line("HP-TEE-NVY-L", "Harbor tee - Navy / L", 1))));
        send(tenant, store, 1002, order(1002, now.minus(Duration.ofMinutes(35)), portland, List.of(
                line("HP-TEE-WHT-S", "Harbor tee - White / S", 1),
                line("HP-HOODIE-GRY-M", "Harbor hoodie - Grey / M", 1))));
        send(tenant, store, 1003, order(1003, now.minus(Duration.ofMinutes(20)),
                address("Sam Rivera", null, "Austin", "TX", null),
                List.of(line("HP-TEE-BLK-L", "Harbor tee - Black / L", 1))));
    }

    /** Signs the body as Shopify does and hands it to the pipeline, then processes it before the demo goes on. */
    private void send(TenantId tenant, UUID store, int orderNumber, byte[] body) {
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

    /** A REST/webhook order (API 2026-07) with the fields the pipeline reads, shaped like Shopify's own. */
    private static byte[] order(int number, Instant at, Map<String, Object> shipTo,
            List<Map<String, Object>> lines) {
        long id = 5_620_000_000L + number;
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("admin_graphql_api_id", "gid://shopify/Order/" + id);
        order.put("name", "#" + number);
        order.put("order_number", number);
        order.put("email", "customer" + number + "@example.com");
        order.put("created_at", at.toString());
        order.put("updated_at", at.toString());
        order.put("processed_at", at.toString());
        order.put("currency", "USD");
        order.put("financial_status", "paid");
        order.put("fulfillment_status", null);
        order.put("cancelled_at", null);
        order.put("cancel_reason", null);
        order.put("test", true);
        order.put("shipping_address", shipTo);
        order.put("shipping_lines", List.of(Map.of("code", "STANDARD", "title", "Standard shipping",
                "is_removed", false)));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id * 10 + i + 1); // line item ids are unique across the shop
            item.putAll(lines.get(i));
            items.add(item);
        }
        order.put("line_items", items);
        return JSON.writeValueAsBytes(order);
    }

    private static Map<String, Object> line(String sku, String title, int quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("title", title);
        line.put("quantity", quantity);
        line.put("fulfillable_quantity", quantity);
        line.put("requires_shipping", true);
        return line;
    }

    private static Map<String, Object> address(String name, @Nullable String street, String city, String province,
            @Nullable String zip) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", name);
        address.put("address1", street);
        address.put("city", city);
        address.put("province_code", province);
        address.put("zip", zip);
        address.put("country_code", "US");
        address.put("country", "United States");
        return address;
    }
}
