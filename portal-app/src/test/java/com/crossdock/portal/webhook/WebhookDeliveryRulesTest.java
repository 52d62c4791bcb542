package com.crossdock.portal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookDeliveryRulesTest {

    private static final WebhookProperties PRODUCTION = new WebhookProperties(Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(1), 12, 20, 50, false);

    @Test
    void theSignatureIsAnHmacOfTheTimestampAndTheBodyThatChangesWithEither() {
        String header = WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"id\":1}");
        // printf '1700000000.{"id":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(header).isEqualTo("t=1700000000,v1=2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8");
        assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.header("whsec_test", 1_700_000_001L, "{\"id\":1}")).isNotEqualTo(header);
        assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"id\":2}")).isNotEqualTo(header);
        assertThat(WebhookSignature.header("whsec_other", 1_700_000_000L, "{\"id\":1}")).isNotEqualTo(header);
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheLongest() {
        assertThat(Backoff.after(1, PRODUCTION)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, PRODUCTION)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.after(4, PRODUCTION)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Backoff.after(8, PRODUCTION)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.after(500, PRODUCTION)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aReceiverOnThePortalsOwnNetworkIsRefusedWithoutACall() {
        WebhookPoster poster = new WebhookPoster(PRODUCTION, Clock.systemUTC());
        for (String address : new String[] {"http://127.0.0.1:8080/actuator", "http://10.0.0.5/hook",
                "http://169.254.169.254/latest/meta-data", "http://localhost/hook"}) {
            WebhookPoster.Outcome outcome = poster.send(new WebhookPoster.Due(UUID.randomUUID(), address, "s",
                    UUID.randomUUID(), "order.released", "{}", 0));
            assertThat(outcome.delivered()).as(address).isFalse();
            assertThat(outcome.statusCode()).isNull();
            assertThat(outcome.error()).as(address).contains("private network");
        }
    }
}
