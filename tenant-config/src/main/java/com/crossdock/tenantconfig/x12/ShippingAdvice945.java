package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A 945 warehouse shipping advice: what the warehouse shipped for an order, partial and split shipments included.
 *
 * @param reportingCode        W06-01 (F final, P partial, N ...)
 * @param depositorOrderNumber W06-02, the order number the portal sent in W05-02
 * @param shipDate             W06-03, CCYYMMDD
 * @param shipmentId           W06-04
 * @param purchaseOrderNumber  W06-06
 * @param parties              N1 loops (ST/CN ship-to, SF ship-from, ...)
 * @param references           header N9s (BM bill of lading, seal numbers, ...)
 * @param carrier              W27, or null when not sent
 * @param lines                LX loops with their W12 (a W12 without LX is a line of its own)
 */
public record ShippingAdvice945(String reportingCode, String depositorOrderNumber, String shipDate,
        String shipmentId, String purchaseOrderNumber, List<X12Party> parties, List<X12Reference> references,
        @Nullable Carrier carrier, List<Line> lines) implements X12Content, X12Outbound {

    /** N9 qualifiers that carry a tracking or carrier reference number. */
    static final Set<String> TRACKING = Set.of("2I", "CN", "08", "BM");
    /** N9 and MAN qualifiers that carry a carton, pallet or package id. */
    static final Set<String> CARTONS = Set.of("LV", "GM", "CA", "CP", "AA", "W");

    public ShippingAdvice945 {
        parties = List.copyOf(parties);
        references = List.copyOf(references);
        lines = List.copyOf(lines);
    }

    /**
     * W27 carrier detail.
     *
     * @param transportMethod W27-01 (M motor, H customer pickup, U private parcel, ...)
     * @param scac            W27-02 carrier SCAC
     * @param routing         W27-03
     */
    public record Carrier(String transportMethod, String scac, String routing) {
    }

    /**
     * One shipped line.
     *
     * @param lineNumber LX01, 0 when the W12 had no LX
     * @param status     W12-01 (CC complete, CL complete, PR partial, ...)
     * @param ordered    W12-02 quantity ordered, null when not sent
     * @param shipped    W12-03 units shipped, null when not sent
     * @param difference W12-04, null when not sent
     * @param unit       W12-05
     * @param items      W12-06 U.P.C. case code as {@code UA}, W12-07/08
     * @param lot        W12-09 warehouse lot number
     * @param references the loop's N9s (LV license plates, 2I tracking numbers, ...)
     * @param marks      the loop's MAN marks (GM SSCC-18, CP carrier package ids, ...)
     */
    public record Line(int lineNumber, String status, @Nullable BigDecimal ordered, @Nullable BigDecimal shipped,
            @Nullable BigDecimal difference, String unit, List<X12ItemId> items, String lot,
            List<X12Reference> references, List<X12Reference> marks) {

        public Line {
            items = List.copyOf(items);
            references = List.copyOf(references);
            marks = List.copyOf(marks);
        }
    }

    /** The ship-to party: N1*ST, or N1*CN when the partner names the consignee instead; null when neither. */
    public @Nullable X12Party shipTo() {
        return parties.stream().filter(p -> p.entityCode().equals("ST")).findFirst()
                .or(() -> parties.stream().filter(p -> p.entityCode().equals("CN")).findFirst()).orElse(null);
    }

    /** Tracking and carrier reference numbers from header and lines (N9 2I, CN, 08, BM), in input order. */
    public List<String> trackingNumbers() {
        return allReferences().filter(r -> TRACKING.contains(r.qualifier())).map(X12Reference::value).distinct()
                .toList();
    }

    /** Carton, pallet and package ids from the lines' N9 and MAN (LV, GM, CA, CP, ...), in input order. */
    public List<String> cartonIds() {
        return lines.stream().flatMap(l -> Stream.concat(l.marks().stream(), l.references().stream()))
                .filter(r -> CARTONS.contains(r.qualifier())).map(X12Reference::value).distinct().toList();
    }

    private Stream<X12Reference> allReferences() {
        return Stream.concat(references.stream(), lines.stream()
                .flatMap(l -> Stream.concat(l.references().stream(), l.marks().stream())));
    }
}
