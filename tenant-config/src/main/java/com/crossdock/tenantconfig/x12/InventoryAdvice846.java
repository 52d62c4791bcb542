package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An 846 inventory inquiry/advice: quantities by item and qualifier (on hand, available, on hold, ...).
 *
 * @param purpose     BIA01 (00 original, ...)
 * @param reportType  BIA02 (DD distributor inventory, MM manufacturer, CM, DM, ...)
 * @param referenceId BIA03
 * @param date        BIA04, CCYYMMDD
 * @param parties     header N1 loops
 * @param items       the LIN loops
 */
public record InventoryAdvice846(String purpose, String reportType, String referenceId, String date,
        List<X12Party> parties, List<Item> items) implements X12Content, X12Outbound {

    /** QTY01 17: quantity on hand. */
    public static final String ON_HAND = "17";
    /** QTY01 33: quantity available for sale. */
    public static final String AVAILABLE = "33";

    public InventoryAdvice846 {
        parties = List.copyOf(parties);
        items = List.copyOf(items);
    }

    /**
     * One LIN loop.
     *
     * @param lineId     LIN01 assigned identification, may be empty
     * @param ids        the LIN02/03, 04/05, ... pairs
     * @param quantities the QTYs of the loop, in order
     */
    public record Item(String lineId, List<X12ItemId> ids, List<Quantity> quantities) {

        public Item {
            ids = List.copyOf(ids);
            quantities = List.copyOf(quantities);
        }

        /** The first quantity with the given QTY01 qualifier. */
        public Optional<Quantity> quantity(String qualifier) {
            return quantities.stream().filter(q -> q.qualifier().equals(qualifier)).findFirst();
        }
    }

    /**
     * A QTY with its unit (QTY03, or the UIT that follows it).
     *
     * @param qualifier QTY01 (17 on hand, 33 available, QH on hold, ...)
     * @param quantity  QTY02
     * @param unit      QTY03-01 or UIT01-01, empty when neither was sent
     */
    public record Quantity(String qualifier, BigDecimal quantity, String unit) {
    }
}
