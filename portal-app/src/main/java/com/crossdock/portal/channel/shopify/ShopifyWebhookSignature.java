package com.crossdock.portal.channel.shopify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code X-Shopify-Hmac-Sha256} header of a Shopify webhook: the base64 HMAC-SHA256 of the raw body
 * bytes under the app's client secret. While a secret is rotated, both the new and the old one are accepted.
 * Immutable and thread-safe.
 */
public final class ShopifyWebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    /**
     * @param secrets the secrets a webhook may be signed with: the current one, plus the previous one while Shopify
     *                may still sign with it
     */
    public ShopifyWebhookSignature(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is needed");
        }
        this.keys = secrets.stream().map(ShopifyWebhookSignature::key).toList();
    }

    /** Accepts webhooks signed with any of {@code secrets}. */
    public static ShopifyWebhookSignature of(String... secrets) {
        return new ShopifyWebhookSignature(List.of(secrets));
    }

    /**
     * Whether {@code header} is the signature of exactly these body bytes under one of the secrets. Verify the bytes
     * as received, before any parsing or re-encoding. A missing, empty or non-base64 header is simply not valid.
     */
    public boolean verify(byte[] rawBody, @Nullable String header) {
        byte[] claimed = decode(header);
        if (claimed == null) {
            return false;
        }
        boolean valid = false;
        for (SecretKeySpec key : keys) {
            // isEqual takes the same time wherever the bytes differ, so the signature cannot be guessed byte by byte
            valid |= MessageDigest.isEqual(hmac(key, rawBody), claimed);
        }
        return valid;
    }

    /**
     * The {@code X-Shopify-Hmac-Sha256} header Shopify sends for {@code body} under {@code secret}: what the sandbox
     * signs its webhooks with, and what tests sign theirs with.
     */
    public static String sign(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(hmac(key(secret), body));
    }

    private static byte @Nullable [] decode(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException notBase64) {
            // a header that is not base64 cannot be anyone's signature: that is the answer, not an error
            return null;
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // every Java runtime ships HmacSHA256, so this is a broken runtime, not a bad request
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static SecretKeySpec key(String secret) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret must not be blank");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }
}
