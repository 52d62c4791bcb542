package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.List;

/**
 * A 947 warehouse inventory adjustment advice.
 *
 * @param date                      W15-01, CCYYMMDD
 * @param adjustmentNumber          W15-02 warehouse adjustment number
 * @param depositorAdjustmentNumber W15-03, may be empty
 * @param parties                   N1 loops
 * @param references                header N9s
 * @param lines                     the W19 loops
 */
public record InventoryAdjustment947(String date, String adjustmentNumber, String depositorAdjustmentNumber,
        List<X12Party> parties, List<X12Reference> references, List<Line> lines) implements X12Content {

    public InventoryAdjustment947 {
        parties = List.copyOf(parties);
        references = List.copyOf(references);
        lines = List.copyOf(lines);
    }

    /**
     * One W19 adjustment with its N9 references.
     *
     * @param reasonCode W19-01 quantity or status adjustment reason (01 damaged, 07 lost, 55 found, ...)
     * @param quantity   W19-02 credit/debit quantity, negative for a decrease
     * @param unit       W19-03
     * @param items      W19-04 U.P.C. case code as {@code UA}, W19-05/06, W19-07/08
     * @param references the loop's N9s
     */
    public record Line(String reasonCode, BigDecimal quantity, String unit, List<X12ItemId> items,
            List<X12Reference> references) {

        public Line {
            items = List.copyOf(items);
            references = List.copyOf(references);
        }
    }
}
