package com.crossdock.portal.receiving;

/**
 * Where an inbound shipment is: draft → sent → in transit → arrived → receiving → received (or received with
 * discrepancies) → closed. People move it into transit, to arrived and to closed; the warehouse's 944s do the rest.
 */
public enum InboundStatus {
    /** Written by the brand; not announced to the warehouse yet (it may be marked ready to send). */
    DRAFT,
    /** Announced to the warehouse with a 943; nothing received yet. */
    SENT,
    /** The brand says it left the supplier. */
    IN_TRANSIT,
    /** At the warehouse's dock, not received yet. */
    ARRIVED,
    /** The warehouse received some of it and has not said it is done. */
    RECEIVING,
    /** Every unit arrived as announced, or the final receipt matched. */
    RECEIVED,
    /** Received, with over, short, damaged or unexpected units to resolve. */
    RECEIVED_WITH_DISCREPANCIES,
    /** Done: received and every discrepancy resolved. */
    CLOSED
}
