package com.crossdock.portal.warehouse.x12;

import com.crossdock.portal.receiving.InboundAdvice;
import com.crossdock.tenantconfig.x12.FunctionalAck997;
import com.crossdock.tenantconfig.x12.ShippingAdvice945;
import com.crossdock.tenantconfig.x12.StockTransfer943;
import com.crossdock.tenantconfig.x12.ShippingOrder940;
import com.crossdock.tenantconfig.x12.X12ControlNumbers;
import com.crossdock.tenantconfig.x12.X12Delimiters;
import com.crossdock.tenantconfig.x12.X12Envelope;
import com.crossdock.tenantconfig.x12.X12Exception;
import com.crossdock.tenantconfig.x12.X12Group;
import com.crossdock.tenantconfig.x12.X12ItemId;
import com.crossdock.tenantconfig.x12.X12Party;
import com.crossdock.tenantconfig.x12.X12Reference;
import com.crossdock.tenantconfig.x12.X12Transmission;
import com.crossdock.tenantconfig.x12.X12Writer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The portal's X12 edge towards a WMS: 940s from outbox messages, 943s from inbound shipments, inbound
 * 944/945/846/997 as portal records, and the 997 or TA1 the portal answers with. Plain and stateless; control
 * numbers, storage and tenancy belong to the caller.
 *
 * <p>The customer travels as the depositor, {@code N1*DE*<code>*91*<code>}, in every 940; a 945 or 846 is read
 * for the customer of its own N1*DE. The depositor order number (W05-02, echoed in W06-02) is the caller's: 1 to
 * 22 letters, digits, {@code .}, {@code _} or {@code -}, unique per customer (for example the customer code and
 * the outbox sequence, {@code HP-000123}). The channel's order name ({@code #1001}) is the PO number (W05-03).
 */
public final class WmsDocuments {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int CARRIER_MAX = 35;
    private static final String EXPIRY_QUALIFIER = "ZZ";
    private static final String EXPIRY_DESCRIPTION = "EXPIRY";

    private final InboundMapper inbound = new InboundMapper();
    private final Acknowledgments acknowledgments = new Acknowledgments();

    /**
     * The 940 for an outbox message, written in its own interchange.
     *
     * @param envelope             the WMS partner's envelope settings (its delimiters also clean the free text)
     * @param numbers              the interchange, group and transaction control numbers to use
     * @param at                   the ISA/GS date and time
     * @param customerCode         the depositor's code at the warehouse (N1*DE)
     * @param depositorOrderNumber W05-02, 1 to 22 letters, digits, '.', '_' or '-'
     * @param outboxPayloadJson    the outbox payload: a released order, or a CANCEL message
     * @param cancel               true for a CANCEL message (W05-01 F), false for a new order (W05-01 N)
     * @throws IllegalArgumentException naming what the 940 cannot do without (lines, ship-to, order name, ...)
     */
    public byte[] shippingOrder(X12Envelope envelope, X12ControlNumbers numbers, LocalDateTime at,
            String customerCode, String depositorOrderNumber, String outboxPayloadJson, boolean cancel) {
        ShippingOrder940 order = shippingOrder940(envelope.delimiters(), customerCode, depositorOrderNumber,
                outboxPayloadJson, cancel);
        return new X12Writer(envelope).write(order, numbers, at);
    }

    /**
     * The 940 record for an outbox message, as {@link #shippingOrder} writes it: W05 with the depositor order number
     * and the order name as PO, N1*ST with N3/N4, N1*DE, N9*CO with the channel's order id, G62*04 with the order
     * date, W66 (PP, U, the shipping code as routing) and NTE*DEL with the shipping method's name, and one LX/W01 per
     * line in eaches (EA) with the master SKU as vendor item number (VN).
     */
    public ShippingOrder940 shippingOrder940(X12Delimiters delimiters, String customerCode,
            String depositorOrderNumber, String outboxPayloadJson, boolean cancel) {
        return new OutboxOrder(delimiters).toOrder(customerCode, depositorOrderNumber, outboxPayloadJson, cancel);
    }

    /**
     * The 943 announcing an inbound shipment, written in its own interchange.
     *
     * @param at the ISA/GS date and time, and the advice's date (W06-03)
     * @throws IllegalArgumentException when the shipment has no lines or a SKU or reference holds an X12 delimiter
     */
    public byte[] stockTransfer(X12Envelope envelope, X12ControlNumbers numbers, LocalDateTime at,
            String customerCode, InboundAdvice advice) {
        return new X12Writer(envelope).write(stockTransfer943(envelope.delimiters(), at, customerCode, advice),
                numbers, at);
    }

    /**
     * The 943 record for an inbound shipment: W06 (N, the shipment reference as depositor order number and
     * shipment id, the date of the advice), N1*DE, G62*17 with the expected arrival, W27 with the carrier's name
     * as routing when there is one, and one W04 per line in eaches with the master SKU as vendor item number (VN),
     * its lot in W04-08 and, for an expiry-tracked item, {@code N9*ZZ*<CCYYMMDD>*EXPIRY} in the line's loop (a
     * mutually defined reference: X12 has no expiry element in the W04 loop; the 944 answers the same way).
     */
    public StockTransfer943 stockTransfer943(X12Delimiters delimiters, LocalDateTime at, String customerCode,
            InboundAdvice advice) {
        if (advice.lines().isEmpty()) {
            throw new IllegalArgumentException("shipment " + advice.reference() + " has no lines");
        }
        List<StockTransfer943.Line> lines = advice.lines().stream().map(line -> new StockTransfer943.Line(
                BigDecimal.valueOf(line.quantity()), "EA", List.of(new X12ItemId("VN", line.sku())), line.lot(),
                line.expiryOn() == null ? List.<X12Reference>of() : List.of(expiry(line.expiryOn())))).toList();
        String carrier = clean(delimiters, advice.carrier());
        carrier = carrier.length() <= CARRIER_MAX ? carrier : carrier.substring(0, CARRIER_MAX).strip();
        return new StockTransfer943("N", advice.reference(), at.format(CCYYMMDD), advice.reference(),
                List.of(X12Party.named("DE", customerCode, "91", customerCode)), List.of(),
                List.of(X12Reference.of("17", advice.expectedOn().format(CCYYMMDD))),
                carrier.isEmpty() ? null : new ShippingAdvice945.Carrier("M", "", carrier), lines);
    }

    /** The expiry of a lot as the line's mutually defined reference {@code N9*ZZ*<CCYYMMDD>*EXPIRY}. */
    public static X12Reference expiry(java.time.LocalDate expiryOn) {
        return new X12Reference(EXPIRY_QUALIFIER, expiryOn.format(CCYYMMDD), EXPIRY_DESCRIPTION);
    }

    /** The expiry a line's references carry ({@link #expiry}), if any and readable. */
    public static java.util.Optional<java.time.LocalDate> expiryOf(List<X12Reference> references) {
        return references.stream().filter(r -> r.qualifier().equals(EXPIRY_QUALIFIER)
                        && r.description().equalsIgnoreCase(EXPIRY_DESCRIPTION)).findFirst()
                .flatMap(r -> {
                    try {
                        return java.util.Optional.of(java.time.LocalDate.parse(r.value(), CCYYMMDD));
                    } catch (java.time.format.DateTimeParseException unreadable) {
                        return java.util.Optional.empty();
                    }
                });
    }

    private static String clean(X12Delimiters delimiters, String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean delimiter = c == delimiters.element() || c == delimiters.component() || c == delimiters.segment()
                    || (delimiters.repetition() != null && c == delimiters.repetition());
            out.append(delimiter || Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().strip();
    }

    /** Every transaction of {@code transmission} as a {@link WmsInbound}, in input order; a split 945 gives several. */
    public List<WmsInbound> read(X12Transmission transmission) {
        return transmission.interchanges().stream().flatMap(i -> inbound.map(i).stream()).toList();
    }

    /** The 997 accepting every transaction of a group that was read. */
    public FunctionalAck997 acceptance(X12Group group) {
        return acknowledgments.of(group, Map.of());
    }

    /**
     * The 997 for a group that was read, rejecting the transactions named (by ST02) with their AK3 detail, which
     * may be empty; the others are accepted, and AK9 says A, P or R.
     */
    public FunctionalAck997 acknowledgment(X12Group group,
            Map<String, List<FunctionalAck997.SegmentError>> rejected) {
        return acknowledgments.of(group, rejected);
    }

    /**
     * The answer to {@code raw}, which the reader refused with {@code refusal}: a 997 per group still found, rejecting
     * each transaction with AK3/AK4 for the problems inside it, or a TA1 when no group can be found.
     */
    public WmsRefusal refusal(byte[] raw, X12Exception refusal) {
        return acknowledgments.refusal(raw, refusal);
    }
}
