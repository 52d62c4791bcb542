package com.crossdock.portal.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Sends one delivery: a signed JSON POST to the subscription's URL, with a timeout, and says how it went. */
@Component
class WebhookPoster {

    /** A claimed delivery with what sending it needs. */
    record Due(UUID deliveryId, String url, String secret, UUID eventId, String eventType, String payload,
            int attempts) {

        @Override
        public String toString() {
            return "Due[" + deliveryId + " " + eventType + " to " + url + "]";
        }
    }

    /** How an attempt went: delivered on a 2xx; else the status or the error. */
    record Outcome(boolean delivered, @Nullable Integer statusCode, @Nullable String error, long millis) {
    }

    private final HttpClient http;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookPoster(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Outcome send(Due due) {
        long started = System.nanoTime();
        try {
            URI target = URI.create(due.url());
            if (!properties.allowPrivateAddresses() && ReceiverAddress.isPrivate(target.getHost())) {
                return new Outcome(false, null, "The address " + target.getHost() + " is on a private network; "
                        + "use a public address", 0);
            }
            HttpRequest request = HttpRequest.newBuilder(target).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Crossdock-Webhooks/1")
                    .header("Crossdock-Event", due.eventType())
                    .header("Crossdock-Event-Id", due.eventId().toString())
                    .header("Crossdock-Delivery", due.deliveryId().toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(due.secret(),
                            clock.instant().getEpochSecond(), due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status >= 200 && status < 300, status, null, millisSince(started));
        } catch (IOException | IllegalArgumentException failed) {
            String error = failed.getClass().getSimpleName() + (failed.getMessage() == null ? ""
                    : ": " + failed.getMessage());
            return new Outcome(false, null, error.length() > 1000 ? error.substring(0, 1000) : error,
                    millisSince(started));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "Interrupted while sending", millisSince(started));
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
