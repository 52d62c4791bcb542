package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ChannelService.SandboxCredentials;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox shop's Admin GraphQL endpoint:
 * {@code POST /sandbox/shopify/{tenant}/{connection}/admin/api/{version}/graphql.json}. Point a
 * {@code ShopifyAdminClient} at it with {@code baseUrl({portal}/sandbox/shopify/{tenant}/{connection})}; the client
 * appends the rest. No session and no sign-in: like Shopify, the {@code X-Shopify-Access-Token} header is the proof,
 * compared with the connection's own token. Unknown and live connections are not found (a live connection has no
 * sandbox, and its token is never opened for one).
 */
@RestController
class ShopifySandboxController {

    private static final Pattern API_VERSION = Pattern.compile("[0-9]{4}-[0-9]{2}|unstable");
    private static final String INVALID_TOKEN = "{\"errors\":\"[API] Invalid API key or access token (unrecognized "
            + "login or wrong password)\"}";
    private static final String NOT_FOUND = "{\"errors\":\"Not Found\"}";

    private final ChannelService channels;
    private final ShopifySandbox sandbox;

    ShopifySandboxController(ChannelService channels, ShopifySandbox sandbox) {
        this.channels = channels;
        this.sandbox = sandbox;
    }

    @PostMapping("/sandbox/shopify/{tenant}/{connection}/admin/api/{version}/graphql.json")
    ResponseEntity<byte[]> graphql(@PathVariable String tenant, @PathVariable String connection,
            @PathVariable String version, @RequestHeader(name = "X-Shopify-Access-Token", required = false)
            @Nullable String token, @RequestBody(required = false) byte @Nullable [] body) {
        Optional<Target> target = target(tenant, connection);
        if (target.isEmpty() || !API_VERSION.matcher(version).matches()) {
            return json(404, NOT_FOUND.getBytes(StandardCharsets.UTF_8), null, version);
        }
        SandboxCredentials credentials = target.get().credentials();
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                credentials.accessToken().getBytes(StandardCharsets.UTF_8))) {
            return json(401, INVALID_TOKEN.getBytes(StandardCharsets.UTF_8), null, version);
        }
        // the shop is made from the catalog on first use; nobody is signed in here, so the sandbox's actor reads it
        SandboxStore store = SystemActor.call(ShopifySandboxService.ACTOR, () -> sandbox.store(target.get().tenant(),
                target.get().connectionId(), credentials.shopDomain()));
        pause(store.latency());
        SandboxAdminApi.Answer answer = new SandboxAdminApi(store).answer(body == null ? new byte[0] : body);
        return json(answer.status(), answer.bytes(), answer.retryAfter(), version);
    }

    /** The connection's sandbox credentials, or nothing for a malformed, unknown or live one. */
    private Optional<Target> target(String tenant, String connection) {
        TenantId tenantId;
        UUID connectionId;
        try {
            tenantId = new TenantId(UUID.fromString(tenant));
            connectionId = UUID.fromString(connection);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return SystemActor.call(ShopifySandboxService.ACTOR, () -> channels.sandboxCredentials(tenantId, connectionId))
                .map(credentials -> new Target(tenantId, connectionId, credentials));
    }

    /** The injected latency, waited on this request's thread as a slow shop would. */
    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting the sandbox's injected latency", e);
        }
    }

    private static ResponseEntity<byte[]> json(int status, byte[] body, @Nullable String retryAfter, String version) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header("X-Shopify-API-Version", version);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.body(body);
    }

    private record Target(TenantId tenant, UUID connectionId, SandboxCredentials credentials) {
    }
}
