package com.crossdock.portal.sync;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The flows of a channel connection: what moves between the channel and the warehouse, each switched on or off and
 * scheduled on its own. A flow with a schedule is a Quartz job per tenant + connection + flow; the refunds and
 * returns flow arrives by webhook only from Shopify and is polled from Walmart (its {@code FlowWork} makes it
 * scheduled for that channel, see {@code Flows.scheduled}).
 */
public enum Flow {

    ORDER_IMPORT("Order import", Duration.ofMinutes(5),
            "New and changed orders: webhooks as they happen, and a poll for what webhooks missed"),
    CANCELLATIONS("Cancellations", Duration.ofMinutes(10),
            "Orders the store cancelled: stops them before the warehouse ships, or raises an exception if too late"),
    FULFILLMENT_WRITEBACK("Fulfillment write-back", Duration.ofMinutes(2),
            "Shipments from the warehouse, posted to the store as fulfillments with carrier and tracking numbers"),
    INVENTORY_PUSH("Inventory push", Duration.ofMinutes(15),
            "Available quantities from the warehouse (the owner of available stock), pushed where they changed"),
    RETURNS_IMPORT("Refunds and returns", null,
            "Refunds and return requests from the store (Shopify's by webhook, Walmart's read every few minutes), "
                    + "for receiving to expect"),
    RETURNS_WRITEBACK("Returns write-back", Duration.ofMinutes(5),
            "Returns the warehouse inspected: the refund, restocking the units back in stock, once every unit's "
                    + "disposition is decided");

    private final String label;
    private final @Nullable Duration defaultInterval;
    private final String purpose;

    Flow(String label, @Nullable Duration defaultInterval, String purpose) {
        this.label = label;
        this.defaultInterval = defaultInterval;
        this.purpose = purpose;
    }

    public String label() {
        return label;
    }

    /** What the flow does, in a sentence for the people who switch it. */
    public String purpose() {
        return purpose;
    }

    /** Whether the flow runs on a schedule (the others are driven by webhooks alone). */
    public boolean scheduled() {
        return defaultInterval != null;
    }

    /** How often a new connection's flow runs; for a webhook-only flow, the interval stored for form's sake. */
    public Duration defaultInterval() {
        return defaultInterval == null ? Duration.ofMinutes(5) : defaultInterval;
    }

    /** The shortest interval allowed, so a store's API budget is not spent on polling. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
}
