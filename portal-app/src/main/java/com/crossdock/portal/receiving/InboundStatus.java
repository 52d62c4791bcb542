package com.crossdock.portal.receiving;

/** Where an inbound shipment is: being written, announced to the warehouse, partly or fully received. */
public enum InboundStatus {
    /** Written by the brand; not announced to the warehouse yet (it may be marked ready to send). */
    DRAFT,
    /** Announced to the warehouse with a 943; nothing received yet. */
    SENT,
    /** The warehouse received some of it and has not said it is done. */
    PARTLY_RECEIVED,
    /** Every unit arrived, or the warehouse's final receipt said it is done (short lines are discrepancies). */
    RECEIVED
}
