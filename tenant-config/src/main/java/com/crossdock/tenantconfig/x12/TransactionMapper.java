package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps a transaction set's segments to the codec's record for its type. Segments a record has no field for stay
 * on {@link X12Transaction#segments()}; elements the record takes are checked (sizes of codes, numbers, dates,
 * totals) and every breach is added to the problems, which refuses the input.
 */
final class TransactionMapper {

    X12Content map(String type, List<X12Segment> segments, @Nullable X12Delimiters delimiters,
            List<X12Problem> problems) {
        Fields f = new Fields(problems);
        for (X12Segment s : segments) {
            if (s.tag().equals("REF") && s.size() > 4) {
                f.problem(s, 5, "REF has at most 4 elements but carries " + s.size()
                        + " (a segment terminator is probably missing)");
            }
        }
        List<X12Segment> body = segments.subList(1, segments.size() - 1);
        char component = delimiters == null ? ':' : delimiters.component();
        return switch (type) {
            case "940" -> new Order940Mapper(f).map(body);
            case "943" -> new Transfer943Mapper(f).map(body);
            case "945" -> new Advice945Mapper(f).map(body);
            case "944" -> receipt944(f, body);
            case "846" -> inventory846(f, body);
            case "947" -> adjustment947(f, body);
            case "997" -> ack997(f, body, component);
            case "856" -> shipNotice856(f, body);
            default -> new X12Content.Unmapped(type);
        };
    }

    private static ReceiptAdvice944 receipt944(Fields f, List<X12Segment> body) {
        X12Segment w17 = null;
        X12Segment w14 = null;
        Parties parties = new Parties();
        List<X12Reference> references = new ArrayList<>();
        List<ReceiptAdvice944.Line> lines = new ArrayList<>();
        X12Segment w07 = null;
        List<ReceiptAdvice944.Discrepancy> exceptions = new ArrayList<>();
        List<X12Reference> lineRefs = new ArrayList<>();
        for (X12Segment s : body) {
            switch (s.tag()) {
                case "W17" -> w17 = s;
                case "W07" -> {
                    addReceipt(f, lines, w07, exceptions, lineRefs);
                    w07 = s;
                    exceptions = new ArrayList<>();
                    lineRefs = new ArrayList<>();
                }
                case "W13" -> exceptions.add(new ReceiptAdvice944.Discrepancy(
                        f.decimalOrZero(s, 1, "W13-01 quantity"), f.unit(s, 2, true), f.code(s, 3, 1, 2, false,
                        "W13-03 receiving condition")));
                case "N9" -> (w07 == null ? references : lineRefs).add(Parties.reference(s));
                case "W14" -> w14 = s;
                default -> parties.accept(s);
            }
        }
        addReceipt(f, lines, w07, exceptions, lineRefs);
        if (w17 == null) {
            f.problem(body.isEmpty() ? X12Segment.of(0, "ST") : body.getFirst(), 0, "the 944 has no W17");
            w17 = X12Segment.of(0, "W17");
        }
        f.total(w14, 1, lines.stream().map(ReceiptAdvice944.Line::received).reduce(BigDecimal.ZERO,
                BigDecimal::add), "W14-01 total received");
        return new ReceiptAdvice944(w17.element(1), f.date(w17, 2, true, "W17-02 date"), w17.element(3),
                w17.element(4), w17.element(5), parties.all(), references, lines);
    }

    private static void addReceipt(Fields f, List<ReceiptAdvice944.Line> lines, @Nullable X12Segment w07,
            List<ReceiptAdvice944.Discrepancy> exceptions, List<X12Reference> refs) {
        if (w07 != null) {
            lines.add(new ReceiptAdvice944.Line(f.decimalOrZero(w07, 1, "W07-01 quantity received"),
                    f.unit(w07, 2, true), f.items(w07, 3, 4, 2), w07.element(8), exceptions, refs));
        }
    }

    private static InventoryAdvice846 inventory846(Fields f, List<X12Segment> body) {
        X12Segment bia = X12Segment.of(0, "BIA");
        Parties parties = new Parties();
        List<InventoryAdvice846.Item> items = new ArrayList<>();
        X12Segment lin = null;
        List<InventoryAdvice846.Quantity> quantities = new ArrayList<>();
        for (X12Segment s : body) {
            switch (s.tag()) {
                case "BIA" -> bia = s;
                case "LIN" -> {
                    if (lin != null) {
                        items.add(new InventoryAdvice846.Item(lin.element(1), f.items(lin, 0, 2, 15), quantities));
                    }
                    lin = s;
                    quantities = new ArrayList<>();
                }
                case "QTY" -> quantities.add(new InventoryAdvice846.Quantity(
                        f.code(s, 1, 2, 2, true, "QTY01 qualifier"), f.decimalOrZero(s, 2, "QTY02 quantity"),
                        f.unit(s, 3, false)));
                case "UIT" -> {
                    if (!quantities.isEmpty() && quantities.getLast().unit().isEmpty()) {
                        InventoryAdvice846.Quantity q = quantities.removeLast();
                        quantities.add(new InventoryAdvice846.Quantity(q.qualifier(), q.quantity(),
                                f.unit(s, 1, true)));
                    }
                }
                default -> {
                    if (lin == null) {
                        parties.accept(s);
                    }
                }
            }
        }
        if (lin != null) {
            items.add(new InventoryAdvice846.Item(lin.element(1), f.items(lin, 0, 2, 15), quantities));
        }
        return new InventoryAdvice846(bia.element(1), bia.element(2), bia.element(3),
                f.date(bia, 4, true, "BIA04 date"), parties.all(), items);
    }

    private static InventoryAdjustment947 adjustment947(Fields f, List<X12Segment> body) {
        X12Segment w15 = X12Segment.of(0, "W15");
        Parties parties = new Parties();
        List<X12Reference> references = new ArrayList<>();
        List<InventoryAdjustment947.Line> lines = new ArrayList<>();
        for (X12Segment s : body) {
            switch (s.tag()) {
                case "W15" -> w15 = s;
                case "W19" -> lines.add(new InventoryAdjustment947.Line(f.code(s, 1, 2, 2, true,
                        "W19-01 adjustment reason"), f.decimalOrZero(s, 2, "W19-02 quantity"), f.unit(s, 3, true),
                        f.items(s, 4, 5, 2), new ArrayList<>()));
                case "N9" -> {
                    if (lines.isEmpty()) {
                        references.add(Parties.reference(s));
                    } else {
                        InventoryAdjustment947.Line l = lines.removeLast();
                        List<X12Reference> refs = new ArrayList<>(l.references());
                        refs.add(Parties.reference(s));
                        lines.add(new InventoryAdjustment947.Line(l.reasonCode(), l.quantity(), l.unit(), l.items(),
                                refs));
                    }
                }
                default -> parties.accept(s);
            }
        }
        return new InventoryAdjustment947(f.date(w15, 1, true, "W15-01 date"),
                f.required(w15, 2, "W15-02 adjustment number"), w15.element(3), parties.all(), references, lines);
    }

    private static FunctionalAck997 ack997(Fields f, List<X12Segment> body, char component) {
        X12Segment ak1 = X12Segment.of(0, "AK1");
        X12Segment ak9 = X12Segment.of(0, "AK9");
        List<FunctionalAck997.TransactionAck> acks = new ArrayList<>();
        X12Segment ak2 = null;
        List<FunctionalAck997.SegmentError> segmentErrors = new ArrayList<>();
        X12Segment ak3 = null;
        List<FunctionalAck997.ElementError> elementErrors = new ArrayList<>();
        for (X12Segment s : body) {
            switch (s.tag()) {
                case "AK1" -> ak1 = s;
                case "AK2" -> {
                    ak2 = s;
                    segmentErrors = new ArrayList<>();
                }
                case "AK3" -> {
                    addSegmentError(f, segmentErrors, ak3, elementErrors);
                    ak3 = s;
                    elementErrors = new ArrayList<>();
                }
                case "AK4" -> elementErrors.add(new FunctionalAck997.ElementError(String.join(
                        String.valueOf(':'), s.elements().isEmpty() ? List.of("") : s.elements().getFirst()),
                        s.element(2), f.required(s, 3, "AK4-03 error code"), s.element(4)));
                case "AK5" -> {
                    addSegmentError(f, segmentErrors, ak3, elementErrors);
                    ak3 = null;
                    elementErrors = new ArrayList<>();
                    if (ak2 == null) {
                        f.problem(s, 0, "AK5 without AK2");
                    } else {
                        acks.add(new FunctionalAck997.TransactionAck(ak2.element(1), ak2.element(2),
                                f.code(s, 1, 1, 1, true, "AK5-01 acknowledgment code"), rest(s, 2), segmentErrors));
                    }
                    ak2 = null;
                }
                case "AK9" -> ak9 = s;
                default -> f.problem(s, 0, "a 997 holds no " + s.tag() + " segment");
            }
        }
        return new FunctionalAck997(f.required(ak1, 1, "AK1-01 functional id"),
                f.required(ak1, 2, "AK1-02 group control number"), acks,
                f.code(ak9, 1, 1, 1, true, "AK9-01 acknowledgment code"), count(f, ak9, 2), count(f, ak9, 3),
                count(f, ak9, 4), rest(ak9, 5));
    }

    private static void addSegmentError(Fields f, List<FunctionalAck997.SegmentError> errors,
            @Nullable X12Segment ak3, List<FunctionalAck997.ElementError> elementErrors) {
        if (ak3 != null) {
            errors.add(new FunctionalAck997.SegmentError(ak3.element(1), count(f, ak3, 2), ak3.element(3),
                    ak3.element(4), elementErrors));
        }
    }

    private static int count(Fields f, X12Segment s, int n) {
        BigDecimal value = f.decimal(s, n, true, s.tag() + String.format("%02d", n));
        if (value == null) {
            return 0;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            f.problem(s, n, "'" + value + "' is not a whole number in range (" + e.getMessage() + ")");
            return 0;
        }
    }

    private static List<String> rest(X12Segment s, int from) {
        List<String> values = new ArrayList<>();
        for (int i = from; i <= s.size(); i++) {
            if (!s.element(i).isEmpty()) {
                values.add(s.element(i));
            }
        }
        return values;
    }

    private static ShipNotice856 shipNotice856(Fields f, List<X12Segment> body) {
        X12Segment bsn = X12Segment.of(0, "BSN");
        List<ShipNotice856.Level> levels = new ArrayList<>();
        X12Segment hl = null;
        List<X12Segment> segments = new ArrayList<>();
        for (X12Segment s : body) {
            switch (s.tag()) {
                case "BSN" -> bsn = s;
                case "HL", "CTT" -> {
                    if (hl != null) {
                        levels.add(new ShipNotice856.Level(hl.element(1), hl.element(2), hl.element(3), segments));
                    }
                    hl = s.tag().equals("HL") ? s : null;
                    segments = new ArrayList<>();
                    if (hl != null) {
                        f.required(s, 1, "HL01 id");
                        f.required(s, 3, "HL03 level code");
                    }
                }
                default -> segments.add(s);
            }
        }
        if (hl != null) {
            levels.add(new ShipNotice856.Level(hl.element(1), hl.element(2), hl.element(3), segments));
        }
        return new ShipNotice856(bsn.element(1), f.required(bsn, 2, "BSN02 shipment id"),
                f.date(bsn, 3, true, "BSN03 date"), bsn.element(4), levels);
    }
}
