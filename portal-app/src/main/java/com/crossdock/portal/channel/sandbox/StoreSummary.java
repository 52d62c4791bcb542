package com.crossdock.portal.channel.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a sandbox shop holds now, for the Channels view and for tests: its orders with their fulfillment orders,
 * the fulfillments reported to it, its refunds and returns, its inventory levels, its throttle bucket and the faults
 * still to come.
 *
 * @param shopDomain           the connection's shop domain
 * @param variants             product variants in the shop (one per Shopify alias of an item, or per item without)
 * @param orders               the shop's orders, oldest first
 * @param fulfillments         fulfillments created through the Admin API, oldest first
 * @param refunds              refunds made in the sandbox, oldest first
 * @param returns              returns requested in the sandbox, oldest first
 * @param inventory            the available quantity of each variant at the shop's one location, by SKU
 * @param inventoryAdjustments changes applied by {@code inventorySetQuantities} (a repeat with the same idempotency
 *                             key is not a new change)
 * @param throttleAvailable    query-cost points in the bucket now
 * @param throttleMaximum      the bucket's size
 * @param faults               the faults still to come
 * @param faultyAnswers        answers that were an injected fault so far
 */
public record StoreSummary(String shopDomain, int variants, List<Order> orders, List<Fulfillment> fulfillments,
        List<Refund> refunds, List<Return> returns, List<InventoryLevel> inventory, int inventoryAdjustments,
        double throttleAvailable, double throttleMaximum, FaultPlan faults, int faultyAnswers) {

    public StoreSummary {
        orders = List.copyOf(orders);
        fulfillments = List.copyOf(fulfillments);
        refunds = List.copyOf(refunds);
        returns = List.copyOf(returns);
        inventory = List.copyOf(inventory);
    }

    /** The fulfillments of each order that has any, by order name ({@code #1001}), oldest first. */
    public Map<String, List<Fulfillment>> fulfillmentsByOrderName() {
        Map<String, List<Fulfillment>> byOrder = new LinkedHashMap<>();
        fulfillments.forEach(fulfillment -> byOrder.computeIfAbsent(fulfillment.orderName(),
                name -> new java.util.ArrayList<>()).add(fulfillment));
        byOrder.replaceAll((name, list) -> List.copyOf(list));
        return Map.copyOf(byOrder);
    }

    /** The available quantity of each SKU at the shop's warehouse location. */
    public Map<String, Integer> availableBySku() {
        Map<String, Integer> available = new LinkedHashMap<>();
        inventory.forEach(level -> available.put(level.sku(), level.available()));
        return Map.copyOf(available);
    }

    /**
     * An order of the shop and its one fulfillment order.
     *
     * @param id                 the order's GID
     * @param name               e.g. {@code #1001}
     * @param updatedAt          its last change
     * @param cancelled          whether it was cancelled
     * @param fulfillmentOrderId the GID of its fulfillment order, to report shipments against
     * @param lines              its fulfillment order's lines
     */
    public record Order(String id, String name, Instant updatedAt, boolean cancelled, String fulfillmentOrderId,
            List<FulfillmentLine> lines) {

        public Order {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A line of a fulfillment order.
     *
     * @param id        the fulfillment order line item's GID
     * @param sku       the variant's SKU
     * @param quantity  units ordered
     * @param remaining units not yet fulfilled
     */
    public record FulfillmentLine(String id, String sku, int quantity, int remaining) {
    }

    /**
     * A fulfillment reported through {@code fulfillmentCreate}.
     *
     * @param id              its GID
     * @param orderId         the order's GID
     * @param orderName       the order's name, e.g. {@code #1001}
     * @param carrier         the tracking company, if given
     * @param trackingNumbers its tracking numbers
     * @param units           units it carried
     */
    public record Fulfillment(String id, String orderId, String orderName, @Nullable String carrier,
            List<String> trackingNumbers, int units) {

        public Fulfillment {
            trackingNumbers = List.copyOf(trackingNumbers);
        }
    }

    /**
     * A refund made with {@code ShopifySandboxService.refund} or through the Admin API's {@code refundCreate}.
     *
     * @param id             its GID
     * @param orderName      the order's name
     * @param units          units refunded
     * @param restocked      whether units went back to stock
     * @param amount         the money refunded, in USD
     * @param restockedUnits how many of the units went back to stock
     * @param note           the refund's note
     */
    public record Refund(String id, String orderName, int units, boolean restocked, BigDecimal amount,
            int restockedUnits, String note) {
    }

    /**
     * A return requested with {@code ShopifySandboxService.requestReturn}.
     *
     * @param id        its GID
     * @param orderName the order's name
     * @param status    {@code REQUESTED}
     * @param units     units to come back
     */
    public record Return(String id, String orderName, String status, int units) {
    }

    /**
     * The stock of one variant at the shop's location.
     *
     * @param sku             the variant's SKU
     * @param variantId       the variant's GID
     * @param inventoryItemId its inventory item's GID, to set quantities with
     * @param locationId      the location's GID
     * @param available       units available to sell
     * @param onHand          units on hand (available plus those committed to open orders)
     */
    public record InventoryLevel(String sku, String variantId, String inventoryItemId, String locationId,
            int available, int onHand) {
    }
}
