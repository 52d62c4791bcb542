package com.crossdock.portal.sync;

import org.jspecify.annotations.Nullable;

/**
 * What one run of a flow did, as its work reports it; the run's record adds when it ran and which firing it was.
 *
 * @param recordsIn     records read (orders polled, shipments due, quantities to compare)
 * @param recordsOut    records moved (orders kept, fulfillments posted, quantities pushed)
 * @param recordsFailed records that could not move, each an exception
 * @param lagMillis     how far behind the channel the flow is after the run, when it can tell
 * @param unavailable   the channel could not be reached (or refused the connection's credentials)
 * @param message       what a person should know of the run, or empty
 */
public record FlowResult(int recordsIn, int recordsOut, int recordsFailed, @Nullable Long lagMillis,
        boolean unavailable, String message) {

    /** The outcome stored for the run: FAILED when the channel was unavailable, PARTIAL with failures, else OK. */
    public String outcome() {
        return unavailable ? "FAILED" : recordsFailed > 0 ? "PARTIAL" : "OK";
    }

    static FlowResult of(int in, int out, int failed) {
        return new FlowResult(in, out, failed, null, false, "");
    }
}
