package com.crossdock.portal.channel.amazon;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The refresh-token grant at Login with Amazon's token endpoint ({@code https://api.amazon.com/auth/o2/token}, or
 * the sandbox's): client id, client secret and the selling partner's refresh token in, an access token out.
 */
public final class LwaExchange implements LwaTokens.Exchange {

    public static final URI AMAZON = URI.create("https://api.amazon.com/auth/o2/token");

    private final URI tokenEndpoint;
    private final SpApiTransport transport;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;

    public LwaExchange(URI tokenEndpoint, SpApiTransport transport, String clientId, String clientSecret,
            String refreshToken) {
        this.tokenEndpoint = tokenEndpoint;
        this.transport = transport;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
    }

    @Override
    public LwaTokens.AccessToken exchange() {
        String form = "grant_type=refresh_token&refresh_token=" + encode(refreshToken) + "&client_id="
                + encode(clientId) + "&client_secret=" + encode(clientSecret);
        SpApiTransport.Answer answer = transport.send(new SpApiTransport.Call("POST", tokenEndpoint,
                Map.of("content-type", "application/x-www-form-urlencoded;charset=UTF-8"), form));
        if (answer.status() != 200) {
            throw new SpApiException("Login with Amazon refused the refresh token (" + answer.status() + "): "
                    + answer.body().strip() + ". Check the LWA client id and secret and authorise the app again "
                    + "for a new refresh token.", answer.status());
        }
        return parse(answer.body());
    }

    /** An LWA token response: {@code access_token} and {@code expires_in} (seconds). */
    static LwaTokens.AccessToken parse(String body) {
        JsonNode root;
        try {
            root = AmazonOrderParser.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new SpApiException("Login with Amazon answered something that is not JSON: " + e.getOriginalMessage());
        }
        JsonNode token = root.path("access_token");
        JsonNode expires = root.path("expires_in");
        if (!token.isString() || token.asString().isBlank() || !expires.isIntegralNumber() || expires.longValue() <= 0) {
            throw new SpApiException("Login with Amazon answered without an access_token and a positive expires_in");
        }
        return new LwaTokens.AccessToken(token.asString(), Duration.ofSeconds(expires.longValue()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
