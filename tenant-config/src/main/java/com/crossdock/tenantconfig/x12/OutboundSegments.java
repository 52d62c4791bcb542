package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The body segments (between ST and SE) of each outbound transaction set. */
final class OutboundSegments {

    private OutboundSegments() {
    }

    static List<X12Segment> of(X12Outbound document) {
        return switch (document) {
            case ShippingOrder940 o -> order(o);
            case StockTransfer943 t -> transfer(t);
            case ReceiptAdvice944 r -> receipt(r);
            case ShippingAdvice945 s -> advice(s);
            case InventoryAdvice846 i -> inventory(i);
            case FunctionalAck997 a -> ack(a);
            case ShipNotice856 n -> notice(n);
        };
    }

    /** BSN, then each HL level with its segments (HL01 its id, HL02 its parent), and CTT with the number of levels. */
    private static List<X12Segment> notice(ShipNotice856 n) {
        require(!n.shipmentId().isBlank(), "An 856 needs the shipment id (BSN02)");
        require(n.date().matches("\\d{8}"), "BSN03 date must be CCYYMMDD: '" + n.date() + "'");
        require(!n.levels().isEmpty(), "An 856 needs at least the shipment level (HL*S)");
        List<X12Segment> out = new ArrayList<>();
        out.add(seg("BSN", n.purpose(), n.shipmentId(), n.date(), n.time(), "0001"));
        for (ShipNotice856.Level level : n.levels()) {
            out.add(seg("HL", level.id(), level.parentId(), level.code()));
            out.addAll(level.segments());
        }
        out.add(seg("CTT", Integer.toString(n.levels().size())));
        return out;
    }

    /**
     * W06, N1 loops, header N9s, W27, then per line LX (when numbered), MAN marks, N9s and W12, and the W03 total.
     * A line without number (LX01 0) is a bare W12 with its MAN and N9 after it, so the reader keeps them on it.
     */
    private static List<X12Segment> advice(ShippingAdvice945 a) {
        List<X12Segment> out = new ArrayList<>();
        require(!a.depositorOrderNumber().isBlank(), "A 945 needs the depositor order number (W06-02)");
        require(a.reportingCode().length() == 1 || a.reportingCode().length() == 2,
                "W06-01 reporting code must be 1 or 2 characters: '" + a.reportingCode() + "'");
        require(a.shipDate().matches("\\d{8}"), "W06-03 shipment date must be CCYYMMDD: '" + a.shipDate() + "'");
        out.add(seg("W06", a.reportingCode(), a.depositorOrderNumber(), a.shipDate(), a.shipmentId(), "",
                a.purchaseOrderNumber()));
        a.parties().forEach(p -> party(out, p));
        a.references().forEach(r -> out.add(seg("N9", r.qualifier(), r.value(), r.description())));
        ShippingAdvice945.Carrier c = a.carrier();
        if (c != null) {
            out.add(seg("W27", c.transportMethod(), c.scac(), c.routing()));
        }
        for (ShippingAdvice945.Line line : a.lines()) {
            require(line.lineNumber() >= 0, "LX01 line number must not be negative: " + line.lineNumber());
            List<X12Segment> loopRefs = new ArrayList<>();
            line.marks().forEach(m -> loopRefs.add(seg("MAN", m.qualifier(), m.value())));
            line.references().forEach(r -> loopRefs.add(seg("N9", r.qualifier(), r.value(), r.description())));
            if (line.lineNumber() > 0) {
                out.add(seg("LX", Integer.toString(line.lineNumber())));
                out.addAll(loopRefs);
                out.add(shippedItem(line));
            } else {
                out.add(shippedItem(line));
                out.addAll(loopRefs);
            }
        }
        BigDecimal shipped = a.lines().stream().map(ShippingAdvice945.Line::shipped)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.add(seg("W03", shipped.toPlainString()));
        return out;
    }

    /** W12: status, ordered, shipped, difference, unit, U.P.C. case code, one qualifier/id pair, lot. */
    private static X12Segment shippedItem(ShippingAdvice945.Line line) {
        require(line.status().length() == 2, "W12-01 status must be 2 characters: '" + line.status() + "'");
        require(line.unit().isEmpty() || line.unit().length() == 2,
                "W12-05 unit of measure must be 2 characters: '" + line.unit() + "'");
        for (BigDecimal q : Arrays.asList(line.ordered(), line.shipped())) {
            require(q == null || q.signum() >= 0, "W12 quantities must not be negative: " + q);
        }
        String upc = line.items().stream().filter(i -> i.qualifier().equals("UA")).map(X12ItemId::value)
                .findFirst().orElse("");
        List<X12ItemId> pairs = line.items().stream().filter(i -> !i.qualifier().equals("UA")).toList();
        require(pairs.size() <= 1, "W12 carries one qualified item id besides the case code, not " + pairs);
        require(!upc.isEmpty() || !pairs.isEmpty(), "W12 needs at least one item id");
        return seg("W12", line.status(), plain(line.ordered()), plain(line.shipped()), plain(line.difference()),
                line.unit(), upc, pairs.isEmpty() ? "" : pairs.getFirst().qualifier(),
                pairs.isEmpty() ? "" : pairs.getFirst().value(), line.lot());
    }

    /** BIA, N1 loops, then per item LIN with its qualifier/id pairs and one QTY per quantity. */
    private static List<X12Segment> inventory(InventoryAdvice846 advice) {
        List<X12Segment> out = new ArrayList<>();
        require(advice.purpose().length() == 2, "BIA01 purpose must be 2 characters: '" + advice.purpose() + "'");
        require(advice.reportType().length() == 2,
                "BIA02 report type must be 2 characters: '" + advice.reportType() + "'");
        require(!advice.referenceId().isBlank(), "An 846 needs its reference id (BIA03)");
        require(advice.date().matches("\\d{8}"), "BIA04 date must be CCYYMMDD: '" + advice.date() + "'");
        out.add(seg("BIA", advice.purpose(), advice.reportType(), advice.referenceId(), advice.date()));
        advice.parties().forEach(p -> party(out, p));
        for (InventoryAdvice846.Item item : advice.items()) {
            require(!item.ids().isEmpty() && item.ids().size() <= 15,
                    "LIN carries 1 to 15 qualified item ids, not " + item.ids().size());
            List<String> lin = new ArrayList<>(List.of(item.lineId()));
            for (X12ItemId id : item.ids()) {
                require(id.qualifier().length() == 2, "LIN product/service id qualifier must be 2 characters: '"
                        + id.qualifier() + "'");
                lin.add(id.qualifier());
                lin.add(id.value());
            }
            out.add(seg("LIN", lin.toArray(String[]::new)));
            for (InventoryAdvice846.Quantity q : item.quantities()) {
                require(q.qualifier().length() == 2, "QTY01 qualifier must be 2 characters: '" + q.qualifier()
                        + "'");
                require(q.unit().isEmpty() || q.unit().length() == 2,
                        "QTY03 unit of measure must be 2 characters: '" + q.unit() + "'");
                out.add(seg("QTY", q.qualifier(), q.quantity().toPlainString(), q.unit()));
            }
        }
        return out;
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
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

    /** W17, N1 loops, header N9s, then per line W07 with its W13 exceptions and N9s, and the W14 total. */
    private static List<X12Segment> receipt(ReceiptAdvice944 r) {
        List<X12Segment> out = new ArrayList<>();
        require(!r.depositorOrderNumber().isBlank(), "A 944 needs the depositor order number (W17-04)");
        require(r.reportingCode().length() == 1, "W17-01 reporting code must be 1 character: '"
                + r.reportingCode() + "'");
        require(r.receiptDate().matches("\\d{8}"), "W17-02 date must be CCYYMMDD: '" + r.receiptDate() + "'");
        require(!r.warehouseReceiptNumber().isBlank(), "A 944 needs the warehouse receipt number (W17-03)");
        out.add(seg("W17", r.reportingCode(), r.receiptDate(), r.warehouseReceiptNumber(), r.depositorOrderNumber(),
                r.shipmentId()));
        r.parties().forEach(p -> party(out, p));
        r.references().forEach(ref -> out.add(seg("N9", ref.qualifier(), ref.value(), ref.description())));
        for (ReceiptAdvice944.Line line : r.lines()) {
            out.add(itemSegment("W07", line.received(), line.unit(), line.items(), line.lot()));
            for (ReceiptAdvice944.Discrepancy d : line.exceptions()) {
                require(d.quantity().signum() >= 0, "W13 quantity must not be negative: " + d.quantity());
                require(d.condition().length() == 2, "W13-03 condition must be 2 characters: '" + d.condition()
                        + "'");
                out.add(seg("W13", d.quantity().toPlainString(), d.unit(), d.condition()));
            }
            line.references().forEach(ref -> out.add(seg("N9", ref.qualifier(), ref.value(), ref.description())));
        }
        out.add(seg("W14", r.totalReceived().toPlainString()));
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

    static void party(List<X12Segment> out, X12Party p) {
        out.add(seg("N1", p.entityCode(), p.name(), p.idQualifier(), p.id()));
        for (int i = 0; i < p.addressLines().size(); i += 2) {
            out.add(seg("N3", p.addressLines().get(i), i + 1 < p.addressLines().size()
                    ? p.addressLines().get(i + 1) : ""));
        }
        if (!(p.city() + p.state() + p.postalCode() + p.country()).isEmpty()) {
            out.add(seg("N4", p.city(), p.state(), p.postalCode(), p.country()));
        }
    }

    static X12Segment seg(String tag, String... elements) {
        return X12Segment.of(0, tag, elements);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
