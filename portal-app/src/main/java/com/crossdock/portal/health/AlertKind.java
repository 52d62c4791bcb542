package com.crossdock.portal.health;

/** What an alert rule watches, and the unit of its threshold. */
public enum AlertKind {
    /** A flow's lag (or the time since its last success) over this many minutes. */
    LAG("minutes"),
    /** A flow's failed runs over runs in the last hour above this percentage. */
    ERROR_RATE("%"),
    /** A store listing that differs from the warehouse's stock by more than this many units. */
    DRIFT("units"),
    /** Exceptions open longer than this many minutes (their response time). */
    EXCEPTION_AGE("minutes");

    private final String unit;

    AlertKind(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
