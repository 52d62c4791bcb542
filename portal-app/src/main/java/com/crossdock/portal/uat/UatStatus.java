package com.crossdock.portal.uat;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a tenant's UAT stands for go-live.
 *
 * @param state   the stage
 * @param reason  why, with what to do next
 * @param run     the run it is about (the signed one, or the last failing one), if any
 * @param changes for a stale sign-off: what changed in the configuration since (from the tenant's activity)
 */
public record UatStatus(State state, String reason, @Nullable UUID run, List<String> changes) {

    public UatStatus {
        changes = List.copyOf(changes);
    }

    /** The stages, from nothing run to a sign-off the configuration has moved away from. */
    public enum State {
        NOT_RUN, FAILING, PASSED_UNSIGNED, SIGNED, STALE
    }
}
