package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The body segments (between ST and SE) of each outbound transaction set. */
final class OutboundSegments {

    private OutboundSegments() {
    }

    static List<X12Segment> of(X12Outbound document) {
        return switch (document) {
            case ShippingOrder940 o -> order(o);
            case StockTransfer943 t -> transfer(t);
            case FunctionalAck997 a -> ack(a);
        };
    }

    private static List<X12Segment> order(ShippingOrder940 o) {
        List<X12Segment> out = new ArrayList<>();
        require(!o.depositorOrderNumber().isBlank(), "A 940 needs the depositor order number (W05-02)");
        out.add(seg("W05", o.purpose().code(), o.depositorOrderNumber(), o.purchaseOrderNumber()));
        if (o.shipTo() != null) {
            party(out, o.shipTo());
        } else {
            require(o.purpose() == ShippingOrder940.Purpose.CANCEL, "A new 940 needs a ship-to party (N1*ST)");
        }
        o.otherParties().forEach(p -> party(out, p));
        o.references().forEach(r -> out.add(seg("N9", r.qualifier(), r.value(), r.description())));
        o.dates().forEach(d -> out.add(seg("G62", d.qualifier(), d.value())));
        o.notes().forEach(n -> out.add(seg("NTE", n.qualifier(), n.value())));
        ShippingOrder940.ShipMethod m = o.shipMethod();
        if (m != null) {
            out.add(seg("W66", m.paymentMethod(), m.transportMethod(), "", "", m.routing(), "", "", "", "",
                    m.scac()));
        }
        for (ShippingOrder940.Line line : o.lines()) {
            out.add(seg("LX", Integer.toString(line.lineNumber())));
            out.add(itemSegment("W01", line.quantity(), line.unit(), line.items(), ""));
            if (!line.description().isEmpty()) {
                out.add(seg("G69", line.description()));
            }
            line.references().forEach(r -> out.add(seg("N9", r.qualifier(), r.value(), r.description())));
            line.notes().forEach(n -> out.add(seg("NTE", n.qualifier(), n.value())));
        }
        out.add(seg("W76", o.totalQuantity().toPlainString()));
        return out;
    }

    private static List<X12Segment> transfer(StockTransfer943 t) {
        List<X12Segment> out = new ArrayList<>();
        require(!t.depositorOrderNumber().isBlank(), "A 943 needs the depositor order number (W06-02)");
        out.add(seg("W06", t.reportingCode(), t.depositorOrderNumber(), t.shipDate(), t.shipmentId()));
        t.parties().forEach(p -> party(out, p));
        t.references().forEach(r -> out.add(seg("N9", r.qualifier(), r.value(), r.description())));
        t.dates().forEach(d -> out.add(seg("G62", d.qualifier(), d.value())));
        ShippingAdvice945.Carrier c = t.carrier();
        if (c != null) {
            out.add(seg("W27", c.transportMethod(), c.scac(), c.routing()));
        }
        for (StockTransfer943.Line line : t.lines()) {
            out.add(itemSegment("W04", line.quantity(), line.unit(), line.items(), line.lot()));
            line.references().forEach(r -> out.add(seg("N9", r.qualifier(), r.value(), r.description())));
        }
        out.add(seg("W03", t.totalQuantity().toPlainString()));
        return out;
    }

    private static List<X12Segment> ack(FunctionalAck997 a) {
        List<X12Segment> out = new ArrayList<>();
        out.add(seg("AK1", a.functionalId(), a.groupControlNumber()));
        for (FunctionalAck997.TransactionAck t : a.transactions()) {
            out.add(seg("AK2", t.type(), t.controlNumber()));
            for (FunctionalAck997.SegmentError e : t.segmentErrors()) {
                out.add(seg("AK3", e.tag(), Integer.toString(e.position()), e.loopId(), e.code()));
                for (FunctionalAck997.ElementError el : e.elementErrors()) {
                    List<List<String>> elements = new ArrayList<>();
                    elements.add(List.of(el.position().split(":")));
                    elements.add(List.of(el.reference()));
                    elements.add(List.of(el.code()));
                    elements.add(List.of(el.badValue()));
                    out.add(new X12Segment(0, "AK4", elements, List.of()));
                }
            }
            List<String> ak5 = new ArrayList<>(List.of(t.status()));
            ak5.addAll(t.errorCodes());
            out.add(seg("AK5", ak5.toArray(String[]::new)));
        }
        List<String> ak9 = new ArrayList<>(List.of(a.groupStatus(), Integer.toString(a.included()),
                Integer.toString(a.received()), Integer.toString(a.accepted())));
        ak9.addAll(a.groupErrors());
        out.add(seg("AK9", ak9.toArray(String[]::new)));
        return out;
    }

    /** W01/W04: quantity, unit, U.P.C. case code (UA), two qualifier/id pairs, lot (W04-08). */
    private static X12Segment itemSegment(String tag, BigDecimal quantity, String unit, List<X12ItemId> items,
            String lot) {
        require(quantity.signum() >= 0, tag + " quantity must not be negative: " + quantity);
        require(unit.length() == 2, tag + " unit of measure must be 2 characters: '" + unit + "'");
        String upc = items.stream().filter(i -> i.qualifier().equals("UA")).map(X12ItemId::value).findFirst()
                .orElse("");
        List<X12ItemId> pairs = items.stream().filter(i -> !i.qualifier().equals("UA")).toList();
        require(pairs.size() <= 2, tag + " carries at most two qualified item ids besides the case code");
        require(!upc.isEmpty() || !pairs.isEmpty(), tag + " needs at least one item id");
        List<String> e = new ArrayList<>(List.of(quantity.toPlainString(), unit, upc));
        for (int i = 0; i < 2; i++) {
            e.add(i < pairs.size() ? pairs.get(i).qualifier() : "");
            e.add(i < pairs.size() ? pairs.get(i).value() : "");
        }
        if (!lot.isEmpty()) {
            e.add(lot);
        }
        return seg(tag, e.toArray(String[]::new));
    }

    private static void party(List<X12Segment> out, X12Party p) {
        out.add(seg("N1", p.entityCode(), p.name(), p.idQualifier(), p.id()));
        for (int i = 0; i < p.addressLines().size(); i += 2) {
            out.add(seg("N3", p.addressLines().get(i), i + 1 < p.addressLines().size()
                    ? p.addressLines().get(i + 1) : ""));
        }
        if (!(p.city() + p.state() + p.postalCode() + p.country()).isEmpty()) {
            out.add(seg("N4", p.city(), p.state(), p.postalCode(), p.country()));
        }
    }

    private static X12Segment seg(String tag, String... elements) {
        return X12Segment.of(0, tag, elements);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
