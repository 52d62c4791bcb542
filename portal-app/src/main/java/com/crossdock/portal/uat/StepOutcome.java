package com.crossdock.portal.uat;

/** How one step of a run came out. */
public enum StepOutcome {
    PENDING, RUNNING, PASSED, FAILED, SKIPPED
}
