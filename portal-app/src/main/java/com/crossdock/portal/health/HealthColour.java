package com.crossdock.portal.health;

/** A health colour for a tenant or one of its flows, from its error rate and open problems. */
public enum HealthColour {
    /** Runs succeed and nothing waits past its response time. */
    GREEN,
    /** Some runs fail, or exceptions wait. */
    AMBER,
    /** Many runs fail, or exceptions are past their response time. */
    RED,
    /** Nothing ran in the period. */
    GREY;

    /** The colour of a failure rate (failed runs and new exceptions over runs), with breaches forcing red. */
    static HealthColour of(long runs, long failures, long breaches) {
        if (breaches > 0) {
            return RED;
        }
        if (runs == 0) {
            return failures > 0 ? AMBER : GREY;
        }
        double rate = (double) failures / runs;
        return rate >= 0.10 ? RED : rate > 0.01 ? AMBER : GREEN;
    }
}
