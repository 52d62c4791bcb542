package com.crossdock.portal.channel.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Against the published test vector in fixtures/shopify/webhook-hmac. */
class ShopifyWebhookSignatureTest {

    // the body has no trailing newline; secret and header files end in one that is not part of the value
    private static final byte[] BODY = Fixtures.bytes("webhook-hmac/body.json");
    private static final String SECRET = Fixtures.text("webhook-hmac/secret.txt").strip();
    private static final String HEADER = Fixtures.text("webhook-hmac/x-shopify-hmac-sha256.txt").strip();

    @Test
    void thePublishedVectorVerifies() {
        assertThat(ShopifyWebhookSignature.of(SECRET).verify(BODY, HEADER)).isTrue();
    }

    @Test
    void aBodyChangedByOneByteFails() {
        byte[] tampered = Arrays.copyOf(BODY, BODY.length);
        tampered[tampered.length - 3] ^= 1;

        assertThat(ShopifyWebhookSignature.of(SECRET).verify(tampered, HEADER)).isFalse();
    }

    @Test
    void theBodyIsCheckedByteForByteSoATrailingNewlineFails() {
        byte[] withNewline = (new String(BODY, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(ShopifyWebhookSignature.of(SECRET).verify(withNewline, HEADER)).isFalse();
    }

    @Test
    void aWrongSecretFails() {
        assertThat(ShopifyWebhookSignature.of("another-shops-secret").verify(BODY, HEADER)).isFalse();
    }

    @Test
    void duringRotationTheOldAndTheNewSecretBothVerify() {
        ShopifyWebhookSignature rotating = new ShopifyWebhookSignature(List.of("the-new-secret", SECRET));
        ShopifyWebhookSignature newOnly = ShopifyWebhookSignature.of("the-new-secret");

        assertThat(rotating.verify(BODY, HEADER)).as("signed with the old secret").isTrue();
        assertThat(newOnly.verify(BODY, HEADER)).as("the old signature after the rotation ended").isFalse();
        assertThat(rotating.verify(BODY, sign("the-new-secret"))).as("signed with the new secret").isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "not base64 at all!", "QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zld", "QUJD",
            "sha256=QNyObTlKbMx2qDlPF/ZOZcBqg5OgPg+2oky3zldc0Gw="})
    void aMissingEmptyOrGarbageHeaderIsSimplyNotValid(String header) {
        assertThat(ShopifyWebhookSignature.of(SECRET).verify(BODY, header)).isFalse();
    }

    @Test
    void theHeaderMayCarrySurroundingWhitespace() {
        assertThat(ShopifyWebhookSignature.of(SECRET).verify(BODY, " " + HEADER + "\n")).isTrue();
    }

    @Test
    void withoutASecretNothingCanBeVerified() {
        assertThatThrownBy(() -> new ShopifyWebhookSignature(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShopifyWebhookSignature.of(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Computed with the JDK's HMAC, independently of the class under test. */
    private static String sign(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(BODY));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
