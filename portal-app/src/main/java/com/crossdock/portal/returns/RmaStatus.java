package com.crossdock.portal.returns;

/** Where an RMA stands: expected → received → on inspection hold → dispositioned → closed. */
public enum RmaStatus {
    /** Created; nothing of it has reached the returns bench. */
    EXPECTED("Expected"),
    /** Units are arriving at the bench; more are expected. */
    RECEIVED("Received"),
    /** Everything that came is in; units wait for inspection before anything moves. */
    ON_HOLD("On inspection hold"),
    /** Every received unit has its disposition; the channel is told (or needs no telling). */
    DISPOSITIONED("Dispositioned"),
    /** Done: the store has the refund, or a person closed it. */
    CLOSED("Closed");

    private final String label;

    RmaStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
