package com.crossdock.portal.channel.amazon;

/**
 * The SP-API operations the connector calls, with their published usage plans (requests per second restored and
 * the burst a bucket holds), which {@code x-amzn-RateLimit-Limit} may lower or raise for a selling partner.
 */
public enum SpApiOperation {
    /** Orders v0 {@code getOrders}: one request a minute restored, 20 at once. */
    GET_ORDERS(0.0167, 20),
    /** Orders v0 {@code getOrderItems}: one request every two seconds restored, 30 at once. */
    GET_ORDER_ITEMS(0.5, 30);

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
