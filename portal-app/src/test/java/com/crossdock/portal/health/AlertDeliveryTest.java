package com.crossdock.portal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

class AlertDeliveryTest {

    private static final AlertDelivery.Alert ALERT = new AlertDelivery.Alert(UUID.randomUUID(), "Apparel \"Co\"",
            "APP", AlertKind.LAG, 30, "Lag on Store", "45 minutes behind", 45, Instant.parse("2026-11-27T10:00:00Z"));

    private static AlertDelivery withoutMailOrSecret() {
        return new AlertDelivery(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new HealthProperties(Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(120),
                        Duration.ofMinutes(1), Duration.ofHours(4), "alerts@crossdock.local",
                        Duration.ofSeconds(5), false), Clock.fixed(Instant.parse("2026-11-27T10:00:05Z"),
                ZoneOffset.UTC));
    }

    @Test
    void anAlertWebhookToAHostOnAPrivateNetworkIsRefusedWithTheReason() {
        AlertDelivery delivery = new AlertDelivery(new StaticListableBeanFactory().getBeanProvider(
                JavaMailSender.class), new HealthProperties(Duration.ofDays(90), Duration.ofDays(2),
                Duration.ofDays(120), Duration.ofMinutes(1), Duration.ofHours(4), "alerts@crossdock.local",
                Duration.ofSeconds(5), false), Clock.fixed(Instant.parse("2026-11-27T10:00:05Z"), ZoneOffset.UTC));

        AlertDelivery.Result result = delivery.deliver(ALERT, null, "http://127.0.0.1:9/hook", "secret");

        assertThat(result.webhook()).contains("private network");
    }

    @Test
    void withoutSmtpOrASigningKeyTheAlertSaysWhatToConfigureInsteadOfFailingQuietly() {
        AlertDelivery.Result result = withoutMailOrSecret().deliver(ALERT, "ops@brand.example",
                "https://hooks.brand.example/x", null);
        assertThat(result.email()).isEqualTo("E-mail is not configured: set spring.mail.host (and spring.mail.port)");
        assertThat(result.webhook()).startsWith("Not sent: this tenant has no alert signing key yet");
        assertThat(result.delivery()).isEqualTo("FAILED");
    }

    @Test
    void aChannelTheRuleDoesNotUseIsNeitherTriedNorCounted() {
        AlertDelivery.Result result = withoutMailOrSecret().deliver(ALERT, null, null, null);
        assertThat(result.email()).isEmpty();
        assertThat(result.webhook()).isEmpty();
    }

    @Test
    void theSignatureCoversTimestampAndBodySoNeitherCanBeChanged() {
        String body = AlertDelivery.body(ALERT);
        assertThat(body).contains("\"name\":\"Apparel \\\"Co\\\"\"").contains("\"kind\":\"LAG\"");
        String signature = AlertDelivery.sign("secret", "1764237605", body);
        assertThat(signature).hasSize(64).isNotEqualTo(AlertDelivery.sign("secret", "1764237606", body))
                .isNotEqualTo(AlertDelivery.sign("secret", "1764237605", body + " "))
                .isNotEqualTo(AlertDelivery.sign("other", "1764237605", body));
    }
}
