package com.crossdock.portal.warehouse.x12;

import com.crossdock.tenantconfig.x12.FunctionalAck997;
import com.crossdock.tenantconfig.x12.InterchangeAck;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an input the reader refused: a rejecting 997 per functional group that could still be found, or,
 * when no group can be found, a TA1 rejecting the interchange. Both are empty/null when not even the ISA control
 * number can be read; nothing can be addressed then, and the input is only quarantined.
 *
 * @param acknowledgments one rejecting 997 per GS found
 * @param interchangeAck  the TA1 when there is no group to acknowledge, else null
 */
public record WmsRefusal(List<FunctionalAck997> acknowledgments, @Nullable InterchangeAck interchangeAck) {

    public WmsRefusal {
        acknowledgments = List.copyOf(acknowledgments);
    }

    /** Nothing in the input can be answered. */
    public boolean unanswerable() {
        return acknowledgments.isEmpty() && interchangeAck == null;
    }
}
