package com.crossdock.portal.channel.walmart;

import com.crossdock.portal.channel.amazon.LwaTokens;
import com.crossdock.portal.channel.amazon.Pace;
import com.crossdock.portal.channel.amazon.SpApiException;
import com.crossdock.portal.channel.amazon.SpApiTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Walmart seller's access token from the Token API ({@code POST /v3/token}, client-credentials grant, the client
 * id and secret as Basic authorisation): exchanged when first needed, kept until a minute before its 15 minutes
 * run out, exchanged once for all callers waiting at that moment, and once again however many calls bring back the
 * same token Walmart refused with a 401. The cache is the same as Amazon's ({@link LwaTokens}); only the grant
 * differs. Thread-safe.
 */
public final class WalmartTokens {

    /** The production Token API; a sandbox connection uses its sandbox's. */
    public static final URI WALMART = URI.create("https://marketplace.walmartapis.com/v3/token");

    private final LwaTokens cache;

    public WalmartTokens(LwaTokens.Exchange exchange, Pace pace) {
        this.cache = new LwaTokens(exchange, pace);
    }

    /** A valid access token: the kept one, or a new one if it is missing or about to expire. */
    public String token() {
        return cache.token();
    }

    /** Walmart refused {@code token} (401): the token after it, exchanged once for everyone bringing it back. */
    public String rejected(String token) {
        return cache.rejected(token);
    }

    /** The client-credentials grant at {@code tokenEndpoint} with the seller's (or solution provider's) keys. */
    public static LwaTokens.Exchange clientCredentials(URI tokenEndpoint, SpApiTransport transport, String clientId,
            String clientSecret) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        return () -> {
            SpApiTransport.Answer answer;
            try {
                answer = transport.send(new SpApiTransport.Call("POST", tokenEndpoint, Map.of(
                        "Authorization", basic, "Content-Type", "application/x-www-form-urlencoded",
                        "Accept", "application/json", "WM_SVC.NAME", WalmartClient.SERVICE_NAME,
                        "WM_QOS.CORRELATION_ID", UUID.randomUUID().toString()), "grant_type=client_credentials"));
            } catch (SpApiException unreachable) {
                throw new WalmartApiException("Walmart's Token API did not answer: " + unreachable.getMessage(),
                        unreachable);
            }
            if (answer.status() != 200) {
                throw new WalmartApiException("Walmart refused the client id and secret (" + answer.status() + "): "
                        + answer.body().strip() + ". Check the keys in the Developer Portal (a solution provider's "
                        + "keys need the seller's delegated access).", answer.status());
            }
            return parse(answer.body());
        };
    }

    /** A Token API answer: {@code access_token} and {@code expires_in} (seconds). */
    static LwaTokens.AccessToken parse(String body) {
        JsonNode root;
        try {
            root = WalmartOrderParser.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new WalmartApiException("Walmart's Token API answered something that is not JSON: "
                    + e.getOriginalMessage(), 200);
        }
        JsonNode token = root.path("access_token");
        JsonNode expires = root.path("expires_in");
        if (!token.isString() || token.asString().isBlank() || !expires.isIntegralNumber() || expires.longValue() <= 0) {
            throw new WalmartApiException("Walmart's Token API answered without an access_token and a positive "
                    + "expires_in", 200);
        }
        return new LwaTokens.AccessToken(token.asString(), Duration.ofSeconds(expires.longValue()));
    }
}
