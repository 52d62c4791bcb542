package com.crossdock.portal.health;

import java.io.IOException;
import com.crossdock.portal.webhook.ReceiverAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers an alert: an e-mail through Spring's mail sender (when {@code spring.mail.host} is set) and a JSON
 * webhook signed with HMAC-SHA256 over {@code timestamp + "." + body} under the tenant's own signing key, sent as the headers
 * {@code X-Crossdock-Timestamp} (epoch seconds) and {@code X-Crossdock-Signature: v1=<hex>}, so a receiver can
 * check both the sender and the freshness. Each channel answers a sentence of what happened; nothing is swallowed.
 */
@Component
class AlertDelivery {

    static final String TIMESTAMP_HEADER = "X-Crossdock-Timestamp";
    static final String SIGNATURE_HEADER = "X-Crossdock-Signature";
    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectProvider<JavaMailSender> mail;
    private final HealthProperties properties;
    private final Clock clock;
    private final HttpClient http;

    AlertDelivery(ObjectProvider<JavaMailSender> mail, HealthProperties properties, Clock clock) {
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What an alert says, for both channels. */
    record Alert(java.util.UUID id, String tenantName, String tenantCode, AlertKind kind, int threshold,
            String subject, String detail, long measured, java.time.Instant raisedAt) {
    }

    /** The results of one delivery: per channel a sentence, or empty when the rule does not use it. */
    record Result(String email, String webhook, String delivery) {
    }

    /**
     * Sends the alert to the rule's recipients; {@code signingKey} is the tenant's own key for the webhook (none:
     * the webhook is not sent, and the result says how to make one).
     */
    Result deliver(Alert alert, @Nullable String email, @Nullable String webhookUrl, @Nullable String signingKey) {
        Outcome mailed = email == null ? Outcome.UNUSED : sendMail(alert, email);
        Outcome posted = webhookUrl == null ? Outcome.UNUSED : post(alert, webhookUrl, signingKey);
        long used = java.util.stream.Stream.of(mailed, posted).filter(o -> o != Outcome.UNUSED).count();
        long sent = java.util.stream.Stream.of(mailed, posted).filter(Outcome::sent).count();
        String delivery = sent == used ? "SENT" : sent == 0 ? "FAILED" : "PARTLY_SENT";
        return new Result(mailed.message(), posted.message(), delivery);
    }

    private record Outcome(boolean sent, String message) {
        static final Outcome UNUSED = new Outcome(false, "");

        static Outcome sent(String message) {
            return new Outcome(true, message);
        }

        static Outcome failed(String message) {
            return new Outcome(false, message);
        }
    }

    private Outcome sendMail(Alert alert, String to) {
        return mail(to, "[Crossdock] " + alert.tenantName() + ": " + alert.subject(), alert.detail() + "\n\nRaised "
                + alert.raisedAt() + " by the rule \"" + alert.kind() + " over " + alert.threshold() + " "
                + alert.kind().unit() + "\". Open the Health dashboard in Crossdock for the trend.\n", null, null);
    }

    /** Sends a report by e-mail with a CSV attached; answers a sentence of what happened. */
    String sendReport(String to, String subject, String text, String fileName, byte[] csv) {
        return mail(to, subject, text, fileName, csv).message();
    }

    private Outcome mail(String to, String subject, String text, @Nullable String fileName,
            byte @Nullable [] attachment) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Outcome.failed("E-mail is not configured: set spring.mail.host (and spring.mail.port)");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            if (fileName != null && attachment != null) {
                helper.addAttachment(fileName, new ByteArrayResource(attachment), "text/csv");
            }
            sender.send(message);
            return Outcome.sent("Sent to " + to);
        } catch (MailException | MessagingException e) {
            log.warn("E-mail \"{}\" to {} failed", subject, to, e);
            return Outcome.failed("Not sent: " + e.getMessage());
        }
    }

    private Outcome post(Alert alert, String url, @Nullable String signingKey) {
        if (signingKey == null || signingKey.isBlank()) {
            return Outcome.failed("Not sent: this tenant has no alert signing key yet; create one under Alert rules "
                    + "on the Health page and give it to the receiver");
        }
        URI target;
        try {
            target = URI.create(url);
            if (!properties.allowPrivateWebhooks() && ReceiverAddress.isPrivate(target.getHost())) {
                return Outcome.failed("Not sent: " + target.getHost() + " is on a private network; use a public "
                        + "address");
            }
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return Outcome.failed("Not sent: the address cannot be used (" + e.getMessage() + ")");
        }
        String body = body(alert);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(target).timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "v1=" + sign(signingKey, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Outcome.sent("Delivered (HTTP " + status + ")")
                    : Outcome.failed("Refused with HTTP " + status);
        } catch (IOException e) {
            log.warn("Alert webhook {} to {} failed", alert.id(), url, e);
            return Outcome.failed("Not delivered: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("Not delivered: interrupted");
        }
    }

    static String body(Alert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "crossdock.alert");
        json.put("id", alert.id().toString());
        json.put("tenant", Map.of("code", alert.tenantCode(), "name", alert.tenantName()));
        json.put("rule", Map.of("kind", alert.kind().name(), "threshold", alert.threshold(),
                "unit", alert.kind().unit()));
        json.put("subject", alert.subject());
        json.put("detail", alert.detail());
        json.put("measured", alert.measured());
        json.put("raisedAt", alert.raisedAt().toString());
        return JSON.writeValueAsString(json);
    }

    /** The hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}. */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
