package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.sandbox.GenerationSummary.GeneratedOrder;
import com.crossdock.portal.channel.sandbox.SandboxStore.Address;
import com.crossdock.portal.channel.sandbox.SandboxStore.LineRequest;
import com.crossdock.portal.channel.sandbox.SandboxStore.Order;
import com.crossdock.portal.channel.sandbox.SandboxStore.Variant;
import com.crossdock.portal.channel.sandbox.SandboxStore.VariantKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Creates the orders of an {@link OrderGeneration} in a sandbox shop and the webhook deliveries Shopify would send
 * for them: one {@code orders/create} per order, {@code orders/updated} and {@code orders/cancelled} where asked,
 * then the duplicates, the badly signed delivery and the shuffle. Orders are dated a few seconds apart in the recent
 * past, an update one second and a cancellation two seconds after their order, so "newer" is well defined.
 */
final class OrderGenerator {

    private static final List<Address> ADDRESSES = List.of(
            new Address("Maya", "Chen", "88 Commercial Street", null, "Portland", "Maine", "ME", "04101",
                    "United States", "US", "+12075550142"),
            new Address("Sam", "Rivera", "1100 Congress Avenue", "Suite 200", "Austin", "Texas", "TX", "78701",
                    "United States", "US", "+15125550199"),
            new Address("Priya", "Natarajan", "350 Fifth Avenue", "Floor 34", "New York", "New York", "NY", "10118",
                    "United States", "US", null),
            new Address("Jonas", "Berg", "1 Ferry Building", null, "San Francisco", "California", "CA", "94111",
                    "United States", "US", "+14155550123"),
            new Address("Aisha", "Okafor", "233 South Wacker Drive", null, "Chicago", "Illinois", "IL", "60606",
                    "United States", "US", "+13125550177"));

    private final SandboxStore store;
    private final OrderGeneration options;
    private final Random random;

    OrderGenerator(SandboxStore store, OrderGeneration options, Random random) {
        this.store = store;
        this.options = options;
        this.random = random;
    }

    /** Creates the orders in the shop and returns them with the deliveries to send, in sending order. */
    Plan generate(Instant now) {
        synchronized (store) {
            List<Variant> catalog = store.variants(VariantKind.CATALOG);
            List<Variant> bundles = store.variants(VariantKind.BUNDLE);
            List<Variant> sellable = catalog.isEmpty() ? bundles : catalog;
            if (sellable.isEmpty()) {
                throw new IllegalStateException("The catalog has no active items or bundles, so the sandbox shop has "
                        + "nothing to sell: add items first.");
            }
            int n = options.orders();
            Set<Integer> multiLine = pick(options.multiLinePercent());
            Set<Integer> withBundle = bundles.isEmpty() ? Set.of() : pick(options.bundlePercent());
            Set<Integer> unknown = pick(options.unknownSkuPercent());
            Set<Integer> updated = pick(options.updatedPercent());
            Set<Integer> cancelled = pick(options.cancelledPercent());
            List<GeneratedOrder> orders = new ArrayList<>();
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Instant created = now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(3L * (n - i));
                List<LineRequest> lines = lines(multiLine.contains(i), withBundle.contains(i), unknown.contains(i),
                        sellable, bundles);
                Address address = ADDRESSES.get(random.nextInt(ADDRESSES.size()));
                Order order = store.createOrder(lines, address, email(address), created);
                deliveries.add(delivery("orders/create", order));
                if (updated.contains(i)) {
                    store.updateOrder(order, created.plusSeconds(1));
                    deliveries.add(delivery("orders/updated", order));
                }
                if (cancelled.contains(i)) {
                    store.cancelOrder(order, created.plusSeconds(2));
                    deliveries.add(delivery("orders/cancelled", order));
                }
                orders.add(new GeneratedOrder(String.valueOf(order.id), order.name, lines.size(),
                        withBundle.contains(i), unknown.contains(i), updated.contains(i), cancelled.contains(i)));
            }
            return new Plan(orders, arrange(deliveries));
        }
    }

    /** The lines of one order: a bundle and an unknown SKU where asked, the rest random catalog variants. */
    private List<LineRequest> lines(boolean multiLine, boolean bundle, boolean unknown, List<Variant> sellable,
            List<Variant> bundles) {
        int count = multiLine ? options.minLines() + random.nextInt(options.maxLines() - options.minLines() + 1) : 1;
        List<Variant> variants = new ArrayList<>();
        if (bundle) {
            variants.add(bundles.get(random.nextInt(bundles.size())));
        }
        if (unknown) {
            variants.add(store.addUnmappedVariant());
        }
        while (variants.size() < count) {
            variants.add(sellable.get(random.nextInt(sellable.size())));
        }
        Collections.shuffle(variants, random);
        return variants.stream().map(variant -> new LineRequest(variant, 1 + random.nextInt(3))).toList();
    }

    /** Duplicates follow their original (Shopify's retry), unless everything is shuffled anyway. */
    private List<Delivery> arrange(List<Delivery> deliveries) {
        List<Delivery> sending = new ArrayList<>(deliveries);
        int duplicates = OrderGeneration.count(options.duplicatePercent(), deliveries.size());
        List<Integer> repeated = IntStream.range(0, deliveries.size()).boxed().toList();
        repeated = new ArrayList<>(repeated);
        Collections.shuffle(repeated, random);
        repeated.subList(0, duplicates).stream().sorted(Collections.reverseOrder()).forEach(index -> sending.add(
                index + 1, deliveries.get(index).repeat()));
        if (options.badSignature()) {
            Delivery original = deliveries.get(random.nextInt(deliveries.size()));
            sending.add(random.nextInt(sending.size() + 1), new Delivery(original.topic(), newWebhookId(),
                    original.body(), original.orderName(), true, false));
        }
        if (options.shuffled()) {
            Collections.shuffle(sending, random);
        }
        return sending;
    }

    private Delivery delivery(String topic, Order order) {
        return new Delivery(topic, newWebhookId(), WebhookBodies.order(order, store.shopDomain()), order.name, false,
                false);
    }

    private String newWebhookId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** {@code percent} of the order positions, chosen at random. */
    private Set<Integer> pick(int percent) {
        List<Integer> positions = new ArrayList<>(IntStream.range(0, options.orders()).boxed().toList());
        Collections.shuffle(positions, random);
        return new HashSet<>(positions.subList(0, OrderGeneration.count(percent, positions.size())));
    }

    private String email(Address address) {
        return (address.firstName() + "." + address.lastName()).toLowerCase(java.util.Locale.ROOT) + "+"
                + random.nextInt(10_000) + "@example.com";
    }

    /** The orders created and the deliveries to send, in sending order. */
    record Plan(List<GeneratedOrder> orders, List<Delivery> deliveries) {
    }

    /**
     * One webhook to send.
     *
     * @param badSignature whether it is to be signed with a wrong secret
     * @param duplicate    whether it repeats an earlier delivery (same webhook id)
     */
    record Delivery(String topic, String webhookId, byte[] body, String orderName, boolean badSignature,
            boolean duplicate) {

        Delivery repeat() {
            return new Delivery(topic, webhookId, body, orderName, false, true);
        }
    }
}
