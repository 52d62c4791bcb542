package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.List;

/**
 * A 944 warehouse stock transfer receipt advice: what the warehouse received, with damaged, over and short.
 *
 * @param reportingCode          W17-01 (F final, P partial, ...)
 * @param receiptDate            W17-02, CCYYMMDD
 * @param warehouseReceiptNumber W17-03
 * @param depositorOrderNumber   W17-04
 * @param shipmentId             W17-05
 * @param parties                N1 loops
 * @param references             header N9s
 * @param lines                  the W07 loops
 */
public record ReceiptAdvice944(String reportingCode, String receiptDate, String warehouseReceiptNumber,
        String depositorOrderNumber, String shipmentId, List<X12Party> parties, List<X12Reference> references,
        List<Line> lines) implements X12Content, X12Outbound {

    public ReceiptAdvice944 {
        parties = List.copyOf(parties);
        references = List.copyOf(references);
        lines = List.copyOf(lines);
    }

    /** W14-01: the sum of the quantities received. */
    public BigDecimal totalReceived() {
        return lines.stream().map(Line::received).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * One W07 item received with its W13 exceptions and N9 references.
     *
     * @param received   W07-01 quantity received
     * @param unit       W07-02
     * @param items      W07-03 U.P.C. case code as {@code UA}, W07-04/05, W07-06/07
     * @param lot        W07-08 warehouse lot number
     * @param exceptions the loop's W13s
     * @param references the loop's N9s
     */
    public record Line(BigDecimal received, String unit, List<X12ItemId> items, String lot,
            List<Discrepancy> exceptions, List<X12Reference> references) {

        public Line {
            items = List.copyOf(items);
            exceptions = List.copyOf(exceptions);
            references = List.copyOf(references);
        }
    }

    /**
     * A W13 receipt exception.
     *
     * @param quantity  W13-01 the quantity the exception is about
     * @param unit      W13-02
     * @param condition W13-03 receiving condition code (01 damaged, 02 over, 03 short, ... as the partner uses
     *                  them)
     */
    public record Discrepancy(BigDecimal quantity, String unit, String condition) {
    }
}
