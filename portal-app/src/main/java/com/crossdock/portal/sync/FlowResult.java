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

    /**
     * The run's result when {@code pusher} does not own {@code dataType} in the tenant's source of truth: nothing is
     * pushed, and the message says who owns it and what is not sent; empty when {@code pusher} owns it.
     *
     * @param notSent what stays unsent, as a phrase ("the warehouse's numbers are not sent to the store")
     */
    static java.util.Optional<FlowResult> unlessOwnedBy(com.crossdock.portal.governance.GovernanceService governance,
            com.crossdock.tenantconfig.tenant.TenantId tenant, com.crossdock.tenantconfig.truth.DataType dataType,
            com.crossdock.tenantconfig.truth.SystemKind pusher, String notSent) {
        var check = governance.check(tenant, dataType, pusher);
        if (check.allowed()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FlowResult(0, 0, 0, null, false, "Nothing pushed: " + check.owner().label()
                + " owns " + com.crossdock.tenantconfig.truth.OwnershipCheck.phrase(dataType) + " (source of truth, "
                + "configuration version " + governance.matrix(tenant).version() + "), so " + notSent));
    }

    static FlowResult of(int in, int out, int failed) {
        return new FlowResult(in, out, failed, null, false, "");
    }
}
