package com.crossdock.portal.channel.amazon;

/**
 * The SP-API operations the connector calls, with their published usage plans (requests per second restored and
 * the burst a bucket holds), which {@code x-amzn-RateLimit-Limit} may lower or raise for a selling partner.
 */
public enum SpApiOperation {
    /** Orders v0 {@code getOrders}: one request a minute restored, 20 at once. */
    GET_ORDERS(0.0167, 20),
    /** Orders v0 {@code getOrderItems}: one request every two seconds restored, 30 at once. */
    GET_ORDER_ITEMS(0.5, 30),
    /**
     * Orders 2026-01-01 {@code searchOrders}: until Amazon's published plan is confirmed here, the same as v0
     * {@code getOrders} (one a minute, 20 at once); {@code x-amzn-RateLimit-Limit} corrects it on the first answer.
     */
    SEARCH_ORDERS(0.0167, 20),
    /** Orders 2026-01-01 {@code getOrder}: as v0 {@code getOrder} until the header says otherwise. */
    GET_ORDER_2026(0.5, 30),
    /** Orders v0 {@code getOrder}: one request every two seconds restored, 30 at once. */
    GET_ORDER(0.5, 30),
    /** Orders v0 {@code confirmShipment}: two requests a second, 10 at once. */
    CONFIRM_SHIPMENT(2, 10),
    /** Feeds 2021-06-30 {@code createFeedDocument}: one request every two seconds, 15 at once. */
    CREATE_FEED_DOCUMENT(0.5, 15),
    /** Feeds 2021-06-30 {@code createFeed}: one request every two minutes, 15 at once. */
    CREATE_FEED(0.0083, 15),
    /** Feeds 2021-06-30 {@code getFeed}: two requests a second, 15 at once. */
    GET_FEED(2, 15),
    /** Feeds 2021-06-30 {@code getFeedDocument}: one request every 45 seconds, 10 at once. */
    GET_FEED_DOCUMENT(0.0222, 10),
    /** Fulfillment Inbound 2024-03-20 {@code listPrepDetails}: two requests a second, 30 at once. */
    LIST_PREP_DETAILS(2, 30),
    /** Fulfillment Inbound 2024-03-20 {@code setPrepDetails}: two requests a second, 30 at once. */
    SET_PREP_DETAILS(2, 30);

    private final double rate;
    private final int burst;

    SpApiOperation(double rate, int burst) {
        this.rate = rate;
        this.burst = burst;
    }

    /** Requests per second the operation's bucket restores. */
    public double rate() {
        return rate;
    }

    /** Requests the operation's bucket holds. */
    public int burst() {
        return burst;
    }
}
