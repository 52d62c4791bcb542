package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.sandbox.OrderGenerator.Delivery;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sends the sandbox's webhooks the way Shopify does: a {@code POST} over real HTTP to the portal's own webhook
 * address, with the {@code X-Shopify-*} headers and the body signed with HMAC-SHA256 under the connection's webhook
 * secret. Going through HTTP, rather than calling the pipeline directly, runs the same path a real shop's webhooks
 * take: the security filter chain, the controller, the signature check and the inbox.
 */
@Component
class WebhookSender {

    private final SandboxProperties properties;
    private final SandboxAddress address;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(SandboxProperties properties, SandboxAddress address, Clock clock) {
        this.properties = properties;
        this.address = address;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
    }

    /**
     * Posts one delivery and answers the HTTP status and body.
     *
     * @throws SandboxDeliveryException when the portal cannot be reached or does not answer in time
     */
    Response send(TenantId tenant, UUID connectionId, String shopDomain, String apiVersion, String secret,
            Delivery delivery) {
        URI target = address.webhookAddress(tenant, connectionId);
        // a wrong secret of the same shape, so only the signature gives it away
        String signingSecret = delivery.badSignature() ? "wrong-" + UUID.randomUUID() : secret;
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", delivery.topic())
                .header("X-Shopify-Hmac-Sha256", ShopifyWebhookSignature.sign(delivery.body(), signingSecret))
                .header("X-Shopify-Shop-Domain", shopDomain)
                .header("X-Shopify-API-Version", apiVersion)
                .header("X-Shopify-Webhook-Id", delivery.webhookId())
                .header("X-Shopify-Event-Id", delivery.webhookId())
                .header("X-Shopify-Triggered-At", clock.instant().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new SandboxDeliveryException("The sandbox could not deliver " + delivery.topic() + " of "
                    + delivery.orderName() + " to " + target + " (" + e.getMessage() + "); if the portal is reached "
                    + "at another address from this machine, set crossdock.sandbox.portal-url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxDeliveryException("Interrupted while delivering " + delivery.topic() + " of "
                    + delivery.orderName(), e);
        }
    }

    /** The portal's answer to one delivery. */
    record Response(int status, String body) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }
}
