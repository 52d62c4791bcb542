package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 943 warehouse stock transfer shipment advice: tells the warehouse what stock is on its way to it.
 *
 * @param reportingCode        W06-01 (N original, F final, ...)
 * @param depositorOrderNumber W06-02
 * @param shipDate             W06-03, CCYYMMDD
 * @param shipmentId           W06-04
 * @param parties              N1 loops (SF ship-from, WH/ST receiving warehouse, DE depositor)
 * @param references           header N9s (BM bill of lading, PO, ...)
 * @param dates                G62s (qualifier + CCYYMMDD; 17 estimated delivery, ...)
 * @param carrier              W27, or null when not sent
 * @param lines                the W04 loops
 */
public record StockTransfer943(String reportingCode, String depositorOrderNumber, String shipDate,
        String shipmentId, List<X12Party> parties, List<X12Reference> references, List<X12Reference> dates,
        ShippingAdvice945.@Nullable Carrier carrier, List<Line> lines) implements X12Content, X12Outbound {

    public StockTransfer943 {
        parties = List.copyOf(parties);
        references = List.copyOf(references);
        dates = List.copyOf(dates);
        lines = List.copyOf(lines);
    }

    /**
     * One W04 item detail with its N9 references.
     *
     * @param quantity   W04-01 number of units shipped
     * @param unit       W04-02
     * @param items      W04-03 U.P.C. case code as {@code UA}, then the W04-04/05 and W04-06/07 pairs
     * @param lot        W04-08 warehouse lot number, may be empty
     * @param references N9s of the loop
     */
    public record Line(BigDecimal quantity, String unit, List<X12ItemId> items, String lot,
            List<X12Reference> references) {

        public Line {
            items = List.copyOf(items);
            references = List.copyOf(references);
        }
    }

    /** W03-01: the sum of the line quantities. */
    public BigDecimal totalQuantity() {
        return lines.stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
