package com.crossdock.portal.sync.recovery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The webhooks a Shopify store sends for a run of orders: each order is created and then updated a few times, every
 * version orders one more of its SKU; the deliveries arrive shuffled, and one in twenty arrives twice (the same
 * webhook id), as Shopify's at-least-once delivery allows.
 */
final class OrderStream {

    static final Instant CREATED = Instant.parse("2026-11-27T10:00:00Z");

    private final int orders;
    private final int versions;
    private final List<Delivery> deliveries;
    private final int unique;

    private OrderStream(int orders, int versions, long seed) {
        this.orders = orders;
        this.versions = versions;
        List<Delivery> all = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            for (int version = 1; version <= versions; version++) {
                all.add(new Delivery("order-" + i + "-v" + version, version == 1 ? "orders/create" : "orders/updated",
                        order(i, version)));
            }
        }
        this.unique = all.size();
        Random random = new Random(seed);
        for (int i = 0; i < unique / 20; i++) {
            all.add(all.get(random.nextInt(unique)));
        }
        Collections.shuffle(all, random);
        this.deliveries = List.copyOf(all);
    }

    static OrderStream of(int orders, int versions, long seed) {
        return new OrderStream(orders, versions, seed);
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    int orders() {
        return orders;
    }

    /** How many different webhooks (by id) the stream holds. */
    int uniqueWebhooks() {
        return unique;
    }

    int newestVersion() {
        return versions;
    }

    /** Shopify's {@code updated_at} of an order's newest version. */
    Instant newestUpdatedAt() {
        return updatedAt(versions);
    }

    private static Instant updatedAt(int version) {
        return CREATED.plusSeconds(3600L * (version - 1));
    }

    /** Version {@code v} of order {@code i}: {@code v} of one SKU (SHOP-0 to SHOP-4), all shippable. */
    private static byte[] order(int i, int version) {
        return """
                {"id": %d, "name": "#%d", "created_at": "%s", "updated_at": "%s",
                 "currency": "USD", "financial_status": "paid",
                 "shipping_address": {"name": "Pat Buyer", "address1": "1 Main St", "city": "Louisville",
                                      "province_code": "KY", "zip": "40202", "country_code": "US"},
                 "line_items": [{"id": %d, "sku": "SHOP-%d", "variant_id": 1, "title": "Item", "quantity": %d,
                                 "fulfillable_quantity": %d}]}"""
                .formatted(7_000_000L + i, 7000 + i, CREATED, updatedAt(version), 8_000_000L + i, i % 5, version,
                        version)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One delivery of one webhook; a repeat is the same record again. */
    record Delivery(String webhookId, String topic, byte[] body) {
    }
}
