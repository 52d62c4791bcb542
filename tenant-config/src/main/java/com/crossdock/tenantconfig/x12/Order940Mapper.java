package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a 940 into a {@link ShippingOrder940}, checking W05, W01 and the W76 total. */
final class Order940Mapper {

    private final Fields f;
    private final List<ShippingOrder940.Line> lines = new ArrayList<>();
    private @Nullable X12Segment lx;
    private @Nullable X12Segment w01;
    private String description = "";
    private List<X12Reference> lineRefs = new ArrayList<>();
    private List<X12Reference> lineNotes = new ArrayList<>();

    Order940Mapper(Fields f) {
        this.f = f;
    }

    ShippingOrder940 map(List<X12Segment> body) {
        X12Segment w05 = null;
        X12Segment w76 = null;
        ShippingOrder940.ShipMethod shipMethod = null;
        Parties parties = new Parties();
        List<X12Reference> references = new ArrayList<>();
        List<X12Reference> dates = new ArrayList<>();
        List<X12Reference> notes = new ArrayList<>();
        for (X12Segment s : body) {
            boolean inLine = lx != null || w01 != null;
            switch (s.tag()) {
                case "W05" -> w05 = s;
                case "N9" -> (inLine ? lineRefs : references).add(Parties.reference(s));
                case "NTE" -> (inLine ? lineNotes : notes).add(X12Reference.of(s.element(1), s.element(2)));
                case "G62" -> dates.add(X12Reference.of(s.element(1), f.date(s, 2, true, "G62-02 date")));
                case "W66" -> shipMethod = new ShippingOrder940.ShipMethod(s.element(1), s.element(2), s.element(5),
                        s.element(10));
                case "LX" -> {
                    closeLine();
                    lx = s;
                }
                case "W01" -> {
                    if (w01 != null) {
                        closeLine();
                    }
                    w01 = s;
                }
                case "G69" -> description = s.element(1);
                case "W76" -> w76 = s;
                default -> parties.accept(s);
            }
        }
        closeLine();
        if (w05 == null) {
            f.problem(body.isEmpty() ? X12Segment.of(0, "ST") : body.getFirst(), 0, "the 940 has no W05");
            w05 = X12Segment.of(0, "W05", "N");
        }
        ShippingOrder940.Purpose purpose = switch (w05.element(1)) {
            case "F" -> ShippingOrder940.Purpose.CANCEL;
            case "N" -> ShippingOrder940.Purpose.NEW;
            default -> {
                f.problem(w05, 1, "W05-01 purpose '" + w05.element(1) + "' is neither N (new) nor F (cancel)");
                yield ShippingOrder940.Purpose.NEW;
            }
        };
        List<X12Party> all = parties.all();
        X12Party shipTo = all.stream().filter(p -> p.entityCode().equals("ST")).findFirst().orElse(null);
        List<X12Party> others = all.stream().filter(p -> p != shipTo).toList();
        ShippingOrder940 order = new ShippingOrder940(purpose, f.required(w05, 2, "W05-02 depositor order number"),
                w05.element(3), shipTo, others, references, dates, notes, shipMethod, lines);
        f.total(w76, 1, order.totalQuantity(), "W76-01 total quantity");
        return order;
    }

    private void closeLine() {
        X12Segment item = w01;
        if (item != null) {
            int number = 0;
            if (lx != null) {
                BigDecimal n = f.decimal(lx, 1, true, "LX01 line number");
                number = n == null ? 0 : n.intValue();
            }
            lines.add(new ShippingOrder940.Line(number, f.decimalOrZero(item, 1, "W01-01 quantity"),
                    f.unit(item, 2, true), f.items(item, 3, 4, 2), description, lineRefs, lineNotes));
        } else if (lx != null) {
            f.problem(lx, 0, "the LX loop has no W01 line item");
        }
        lx = null;
        w01 = null;
        description = "";
        lineRefs = new ArrayList<>();
        lineNotes = new ArrayList<>();
    }
}
