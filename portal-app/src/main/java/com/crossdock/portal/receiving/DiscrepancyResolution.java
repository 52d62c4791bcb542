package com.crossdock.portal.receiving;

/** How a receiving discrepancy was settled. */
public enum DiscrepancyResolution {
    /** Taken as it is: the received quantity stands. */
    ACCEPT,
    /** Claimed from the supplier or the carrier (credit note, freight claim). */
    CLAIM,
    /** Corrected: a count or a booking was wrong and has been put right. */
    ADJUST
}
