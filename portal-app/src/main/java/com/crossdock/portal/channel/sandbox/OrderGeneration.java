package com.crossdock.portal.channel.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * What {@link ShopifySandboxService#generateOrders} creates and sends. Shares are whole percentages, and exact
 * rather than chances: 10 % of 40 orders is 4 orders (rounded to the nearest whole order), so a test knows what to
 * expect.
 *
 * @param orders            how many orders to create, 1 to 500
 * @param multiLinePercent  share of orders with several lines; the others have one
 * @param minLines          the fewest lines of a multi-line order, at least 2
 * @param maxLines          the most lines of a multi-line order, up to 100 (more than 25 makes the connector fetch
 *                          the rest of an order's lines separately)
 * @param bundlePercent     share of orders with a line for one of the catalog's bundles (none if it has none)
 * @param unknownSkuPercent share of orders with a line whose SKU the catalog does not know (a product of the shop
 *                          that was never mapped)
 * @param cancelledPercent  share of orders cancelled after they were created ({@code orders/cancelled})
 * @param updatedPercent    share of orders changed after they were created ({@code orders/updated})
 * @param duplicatePercent  share of webhook deliveries sent twice with the same webhook id, as Shopify does when it
 *                          misses an answer
 * @param shuffled          whether the deliveries are sent in random order (an update or a cancellation may come
 *                          before the order's creation), as Shopify does not promise order
 * @param badSignature      whether one more delivery is sent signed with a wrong secret
 * @param seed              the seed of the random choices, to repeat a run exactly; {@code null} for a new one
 */
public record OrderGeneration(int orders, int multiLinePercent, int minLines, int maxLines, int bundlePercent,
        int unknownSkuPercent, int cancelledPercent, int updatedPercent, int duplicatePercent, boolean shuffled,
        boolean badSignature, @Nullable Long seed) {

    /** The most orders one call may generate, so one click cannot flood the pipeline. */
    public static final int MAX_ORDERS = 500;

    public OrderGeneration {
        if (orders < 1 || orders > MAX_ORDERS) {
            throw new IllegalArgumentException("generate 1 to " + MAX_ORDERS + " orders, not " + orders);
        }
        if (minLines < 2 || maxLines < minLines || maxLines > 100) {
            throw new IllegalArgumentException("a multi-line order has 2 to 100 lines, at most no fewer than at "
                    + "least; was " + minLines + " to " + maxLines);
        }
        for (int percent : new int[] {multiLinePercent, bundlePercent, unknownSkuPercent, cancelledPercent,
                updatedPercent, duplicatePercent}) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("a share is 0 to 100 %, was " + percent);
            }
        }
    }

    /** {@code orders} plain orders: 30 % with 2 or 3 lines, no faults, sent in order. */
    public static OrderGeneration of(int orders) {
        return new OrderGeneration(orders, 30, 2, 3, 0, 0, 0, 0, 0, false, false, null);
    }

    /** With {@code percent} of the orders having {@code minLines} to {@code maxLines} lines. */
    public OrderGeneration withMultiLine(int percent, int minLines, int maxLines) {
        return new OrderGeneration(orders, percent, minLines, maxLines, bundlePercent, unknownSkuPercent,
                cancelledPercent, updatedPercent, duplicatePercent, shuffled, badSignature, seed);
    }

    /** With {@code percent} of the orders holding a bundle. */
    public OrderGeneration withBundles(int percent) {
        return new OrderGeneration(orders, multiLinePercent, minLines, maxLines, percent, unknownSkuPercent,
                cancelledPercent, updatedPercent, duplicatePercent, shuffled, badSignature, seed);
    }

    /** With {@code percent} of the orders holding a SKU the catalog does not know. */
    public OrderGeneration withUnknownSkus(int percent) {
        return new OrderGeneration(orders, multiLinePercent, minLines, maxLines, bundlePercent, percent,
                cancelledPercent, updatedPercent, duplicatePercent, shuffled, badSignature, seed);
    }

    /** With {@code percent} of the orders cancelled after creation. */
    public OrderGeneration withCancellations(int percent) {
        return new OrderGeneration(orders, multiLinePercent, minLines, maxLines, bundlePercent, unknownSkuPercent,
                percent, updatedPercent, duplicatePercent, shuffled, badSignature, seed);
    }

    /** With {@code percent} of the orders updated after creation. */
    public OrderGeneration withUpdates(int percent) {
        return new OrderGeneration(orders, multiLinePercent, minLines, maxLines, bundlePercent, unknownSkuPercent,
                cancelledPercent, percent, duplicatePercent, shuffled, badSignature, seed);
    }

    /** With {@code percent} of the deliveries sent twice. */
    public OrderGeneration withDuplicates(int percent) {
        return new OrderGeneration(orders, multiLinePercent, minLines, maxLines, bundlePercent, unknownSkuPercent,
                cancelledPercent, updatedPercent, percent, shuffled, badSignature, seed);
    }

    /** With the deliveries sent in random order. */
    public OrderGeneration shuffle() {
        return new OrderGeneration(orders, multiLinePercent, minLines, maxLines, bundlePercent, unknownSkuPercent,
                cancelledPercent, updatedPercent, duplicatePercent, true, badSignature, seed);
    }

    /** With one more delivery, signed with a wrong secret. */
    public OrderGeneration withBadSignature() {
        return new OrderGeneration(orders, multiLinePercent, minLines, maxLines, bundlePercent, unknownSkuPercent,
                cancelledPercent, updatedPercent, duplicatePercent, shuffled, true, seed);
    }

    /** With the random choices made from {@code seed}. */
    public OrderGeneration withSeed(long seed) {
        return new OrderGeneration(orders, multiLinePercent, minLines, maxLines, bundlePercent, unknownSkuPercent,
                cancelledPercent, updatedPercent, duplicatePercent, shuffled, badSignature, seed);
    }

    /** How many of {@code total} a percentage stands for, to the nearest whole one. */
    static int count(int percent, int total) {
        return (int) Math.round(percent * total / 100.0);
    }
}
