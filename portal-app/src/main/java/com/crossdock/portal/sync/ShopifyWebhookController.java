package com.crossdock.portal.sync;

import com.crossdock.tenantconfig.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shopify's webhook calls for a connection: {@code POST /webhooks/shopify/{tenant}/{connection}}, the address the
 * Channels view gives for the app's webhook subscriptions. No session and no sign-in: the HMAC signature over the raw
 * body is the proof, checked by {@link OrderPipeline} before anything is kept.
 */
@RestController
class ShopifyWebhookController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ShopifyWebhookController.class);

    private final OrderPipeline pipeline;

    ShopifyWebhookController(OrderPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @PostMapping("/webhooks/shopify/{tenant}/{connection}")
    ResponseEntity<String> receive(@PathVariable String tenant, @PathVariable String connection,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        UUID tenantId;
        UUID connectionId;
        try {
            tenantId = UUID.fromString(tenant);
            connectionId = UUID.fromString(connection);
        } catch (IllegalArgumentException notAnId) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("No such connection");
        }
        String topic = request.getHeader("X-Shopify-Topic");
        WebhookOutcome outcome;
        try {
            outcome = pipeline.receiveShopifyWebhook(new TenantId(tenantId), connectionId,
                    topic == null ? "unknown" : topic, request.getHeader("X-Shopify-Webhook-Id"),
                    request.getHeader("X-Shopify-Hmac-Sha256"), shopifyHeaders(request),
                    body == null ? new byte[0] : body, request.getRemoteAddr());
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException
                 unavailable) {
            // nothing was kept: a 503 makes Shopify deliver it again (its error page would be a login redirect)
            log.error("Shopify webhook {} for connection {} could not be kept: the database is unavailable",
                    request.getHeader("X-Shopify-Webhook-Id"), connectionId, unavailable);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                    .body("Not kept: the portal's database is unavailable; send it again");
        }
        return switch (outcome.kind()) {
            case ACCEPTED -> ResponseEntity.ok("Accepted");
            case DUPLICATE -> ResponseEntity.ok("Already received");
            case BAD_SIGNATURE -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("Signature does not verify");
            case UNKNOWN_CONNECTION -> ResponseEntity.status(HttpStatus.NOT_FOUND).body("No such connection");
        };
    }

    /** The X-Shopify-* headers, kept with the payload (the others say nothing about the event). */
    private static String shopifyHeaders(HttpServletRequest request) {
        return Collections.list(request.getHeaderNames()).stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("x-shopify-"))
                .sorted()
                .map(name -> name + ": " + request.getHeader(name))
                .collect(Collectors.joining("\n"));
    }
}
