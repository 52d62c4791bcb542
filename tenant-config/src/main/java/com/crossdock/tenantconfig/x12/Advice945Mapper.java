package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads a 945 into a {@link ShippingAdvice945}: LX loops with W12, N9 and MAN, checked against W03. */
final class Advice945Mapper {

    private final Fields f;
    private final List<ShippingAdvice945.Line> lines = new ArrayList<>();
    private @Nullable X12Segment lx;
    private @Nullable X12Segment w12;
    private List<X12Reference> refs = new ArrayList<>();
    private List<X12Reference> marks = new ArrayList<>();

    Advice945Mapper(Fields f) {
        this.f = f;
    }

    ShippingAdvice945 map(List<X12Segment> body) {
        X12Segment w06 = null;
        X12Segment w03 = null;
        ShippingAdvice945.Carrier carrier = null;
        Parties parties = new Parties();
        List<X12Reference> references = new ArrayList<>();
        for (X12Segment s : body) {
            boolean inLine = lx != null || w12 != null;
            switch (s.tag()) {
                case "W06" -> w06 = s;
                case "W27" -> carrier = new ShippingAdvice945.Carrier(s.element(1), s.element(2), s.element(3));
                case "N9" -> (inLine ? refs : references).add(Parties.reference(s));
                case "MAN" -> marks.add(X12Reference.of(s.element(1), f.required(s, 2, "MAN02 marks and numbers")));
                case "LX" -> {
                    closeLine();
                    lx = s;
                }
                case "W12" -> {
                    if (w12 != null) {
                        closeLine();
                    }
                    w12 = s;
                }
                case "W03" -> w03 = s;
                default -> parties.accept(s);
            }
        }
        closeLine();
        if (w06 == null) {
            f.problem(body.isEmpty() ? X12Segment.of(0, "ST") : body.getFirst(), 0, "the 945 has no W06");
            w06 = X12Segment.of(0, "W06");
        }
        f.total(w03, 1, lines.stream().map(ShippingAdvice945.Line::shipped).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add), "W03-01 total units shipped");
        return new ShippingAdvice945(f.code(w06, 1, 1, 2, true, "W06-01 reporting code"), w06.element(2),
                f.date(w06, 3, true, "W06-03 shipment date"), w06.element(4), w06.element(6), parties.all(),
                references, carrier, lines);
    }

    private void closeLine() {
        X12Segment item = w12;
        if (item != null) {
            int number = 0;
            if (lx != null) {
                BigDecimal n = f.decimal(lx, 1, true, "LX01 line number");
                number = n == null ? 0 : n.intValue();
            }
            lines.add(new ShippingAdvice945.Line(number, f.code(item, 1, 2, 2, true, "W12-01 status"),
                    f.decimal(item, 2, false, "W12-02 quantity ordered"),
                    f.decimal(item, 3, false, "W12-03 units shipped"),
                    f.decimal(item, 4, false, "W12-04 quantity difference"), f.unit(item, 5, false),
                    f.items(item, 6, 7, 1), item.element(9), refs, marks));
        } else if (lx != null) {
            f.problem(lx, 0, "the LX loop has no W12 item detail");
        }
        lx = null;
        w12 = null;
        refs = new ArrayList<>();
        marks = new ArrayList<>();
    }
}
