package com.crossdock.portal.uat;

/** Where a UAT run stands. */
public enum RunStatus {
    QUEUED, RUNNING, PASSED, FAILED;

    /** Whether the run is over. */
    public boolean finished() {
        return this == PASSED || this == FAILED;
    }
}
