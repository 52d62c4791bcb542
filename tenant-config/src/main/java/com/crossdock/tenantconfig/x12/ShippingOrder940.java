package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 940 warehouse shipping order: what the portal sends the warehouse for a released order (purpose N) or to cancel
 * one (purpose F), and what the reader makes of a 940.
 *
 * @param purpose               W05-01
 * @param depositorOrderNumber  W05-02, the portal's order number
 * @param purchaseOrderNumber   W05-03, the customer's PO (may be empty)
 * @param shipTo                the N1*ST loop (required to write a new order; null when a 940 read has none)
 * @param otherParties          further N1 loops (SF ship-from, WH warehouse, BT bill-to, ...)
 * @param references            header N9s (order type, customer reference, ...)
 * @param dates                 G62 (qualifier 10 requested ship date, 02 delivery requested, ... ; CCYYMMDD)
 * @param notes                 header NTEs: prep and labelling instructions (qualifier WHI, SPH, GEN, ...)
 * @param shipMethod            W66, or null when not sent
 * @param lines                 LX/W01 loops, quantities in the WMS unit
 */
public record ShippingOrder940(Purpose purpose, String depositorOrderNumber, String purchaseOrderNumber,
        @Nullable X12Party shipTo, List<X12Party> otherParties, List<X12Reference> references, List<X12Reference> dates,
        List<X12Reference> notes, @Nullable ShipMethod shipMethod, List<Line> lines)
        implements X12Content, X12Outbound {

    public ShippingOrder940 {
        otherParties = List.copyOf(otherParties);
        references = List.copyOf(references);
        dates = List.copyOf(dates);
        notes = List.copyOf(notes);
        lines = List.copyOf(lines);
    }

    /** W05-01 transaction set purpose. */
    public enum Purpose {
        /** N: a new (original) order. */
        NEW("N"),
        /** F: cancel the order sent before. */
        CANCEL("F");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }

        /** The X12 code. */
        public String code() {
            return code;
        }
    }

    /**
     * W66 warehouse carrier information.
     *
     * @param paymentMethod   W66-01 shipment method of payment (PP prepaid, CC collect, TP third party, ...)
     * @param transportMethod W66-02 (M motor, A air, U private parcel, H customer pickup, ...)
     * @param routing         W66-05 free-form routing or service ("UPS GROUND")
     * @param scac            W66-10 carrier SCAC, may be empty
     */
    public record ShipMethod(String paymentMethod, String transportMethod, String routing, String scac) {
    }

    /**
     * One LX loop: the W01 line item with its N9 references and NTE notes.
     *
     * @param lineNumber  LX01
     * @param quantity    W01-01, in the WMS unit
     * @param unit        W01-02 unit of measure (EA, CA, ...)
     * @param items       W01-03 U.P.C. case code as {@code UA}, then W01-04/05 and W01-06/07 pairs
     * @param description G69, empty when absent
     * @param references  line N9s
     * @param notes       line NTEs (prep and labelling for this item)
     */
    public record Line(int lineNumber, BigDecimal quantity, String unit, List<X12ItemId> items, String description,
            List<X12Reference> references, List<X12Reference> notes) {

        public Line {
            items = List.copyOf(items);
            references = List.copyOf(references);
            notes = List.copyOf(notes);
        }
    }

    /** W76-01: the sum of the line quantities, as the writer sends it and the reader checks it. */
    public BigDecimal totalQuantity() {
        return lines.stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
