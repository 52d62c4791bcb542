package com.crossdock.portal.sync.recovery;

import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.sync.recovery.OrderStream.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Shopify's side of the webhooks: signs each delivery with the connection's secret and posts it from several
 * threads. A delivery counts as delivered only when it is answered with a 2xx; anything else (an error status, a
 * refused or cut connection) leaves it undelivered, to be sent again, as Shopify re-delivers webhooks.
 */
final class ShopifySender {

    /** The answers seen, by status code; {@link #NO_ANSWER} counts connections that failed. */
    static final int NO_ANSWER = -1;

    private final String secret;
    private final int threads;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();

    ShopifySender(String secret, int threads) {
        this.secret = secret;
        this.threads = threads;
    }

    /** Posts each delivery once to {@code target}'s current address; returns those not answered with a 2xx. */
    List<Delivery> deliverOnce(List<Delivery> deliveries, Supplier<URI> target) throws Exception {
        ConcurrentLinkedQueue<Delivery> undelivered = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                sent.add(senders.submit(() -> {
                    if (!post(target.get(), delivery)) {
                        undelivered.add(delivery);
                    }
                }));
            }
            for (Future<?> one : sent) {
                one.get();
            }
        } finally {
            senders.shutdown();
        }
        return List.copyOf(undelivered);
    }

    /** Re-delivers, round after round, until every delivery is answered with a 2xx; fails after {@code within}. */
    void deliverAll(List<Delivery> deliveries, Supplier<URI> target, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        List<Delivery> left = deliveries;
        while (!left.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(left.size() + " webhook(s) still not acknowledged after " + within
                        + "; answers so far " + answers());
            }
            left = deliverOnce(left, target);
        }
    }

    /** How many deliveries were answered with a 2xx so far. */
    int acknowledged() {
        return acknowledged.get();
    }

    /** How many deliveries got no 2xx so far (an error status or no answer). */
    int refused() {
        return answers.entrySet().stream().filter(answer -> answer.getKey() / 100 != 2)
                .mapToInt(answer -> answer.getValue().get()).sum();
    }

    /** Every answer seen so far, by status code. */
    Map<Integer, Integer> answers() {
        Map<Integer, Integer> copy = new TreeMap<>();
        answers.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    private boolean post(URI address, Delivery delivery) {
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30))
                    .header("X-Shopify-Topic", delivery.topic())
                    .header("X-Shopify-Webhook-Id", delivery.webhookId())
                    .header("X-Shopify-Hmac-Sha256", ShopifyWebhookSignature.sign(delivery.body(), secret))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException cutOrRefused) {
            status = NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = NO_ANSWER;
        }
        answers.computeIfAbsent(status, code -> new AtomicInteger()).incrementAndGet();
        boolean delivered = status / 100 == 2;
        if (delivered) {
            acknowledged.incrementAndGet();
        }
        return delivered;
    }
}
