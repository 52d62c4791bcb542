package com.crossdock.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Harbor & Pine's sandbox Shopify store as the tests play it: an {@code orders/create} webhook, signed the way
 * Shopify signs it, sent to the address the Channels view gives for the connection.
 */
final class SandboxShopifyStore {

    static final String CONNECTION_NAME = "Harbor & Pine Shopify (sandbox)";
    static final String SHOP_DOMAIN = "harbor-pine.myshopify.com";
    /**
     * The demo store's webhook secret: the same value as {@code DemoShopifyStore.WEBHOOK_SECRET} in the portal's
     * demo data. The portal never shows a secret again once entered, so the test knows it the way the store does.
     */
    static final String WEBHOOK_SECRET = "hp-sandbox-webhook-secret-2026";

    /** The fields of a webhook order the portal reads (REST Admin API 2026-07), shipped to a complete address. */
    private static final String ORDER = """
            {"id": %d, "name": "%s", "email": "journey@example.com", "created_at": "%s", "updated_at": "%s",
             "currency": "USD", "financial_status": "paid", "cancelled_at": null, "cancel_reason": null,
             "shipping_address": {"name": "Ada Park", "address1": "12 Fore Street", "city": "Portland",
                                  "province_code": "ME", "zip": "04101", "country_code": "US"},
             "shipping_lines": [{"code": "STANDARD", "title": "Standard shipping", "is_removed": false}],
             "line_items": [%s]}""";
    private static final String LINE = """
            {"id": %d, "sku": "%s", "title": "Harbor tee", "quantity": %d, "fulfillable_quantity": %d}""";

    private SandboxShopifyStore() {
    }

    /** A line of an order: a variant SKU and how many. */
    record Line(String sku, int quantity) {
    }

    /** The body of an {@code orders/create} webhook for order {@code number} (named {@code #number}), created now. */
    static byte[] order(int number, List<Line> lines) {
        long id = 7_300_000_000L + number;
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String items = IntStream.range(0, lines.size())
                .mapToObj(i -> LINE.formatted(id * 10 + i + 1, lines.get(i).sku(), lines.get(i).quantity(),
                        lines.get(i).quantity()))
                .collect(Collectors.joining(", "));
        return ORDER.formatted(id, "#" + number, now, now, items).getBytes(StandardCharsets.UTF_8);
    }

    /** Posts {@code body} to {@code webhookAddress} as Shopify would, signed with the demo store's secret. */
    static HttpResponse<String> send(String webhookAddress, String webhookId, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookAddress))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", SHOP_DOMAIN)
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Hmac-Sha256", sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not post the webhook to " + webhookAddress, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while posting the webhook", e);
        }
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
