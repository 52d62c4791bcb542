package com.crossdock.tenantconfig.x12;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a 943 into a {@link StockTransfer943}: W04 loops with their N9s, checked against W03. */
final class Transfer943Mapper {

    private final Fields f;

    Transfer943Mapper(Fields f) {
        this.f = f;
    }

    StockTransfer943 map(List<X12Segment> body) {
        X12Segment w06 = null;
        X12Segment w03 = null;
        ShippingAdvice945.Carrier carrier = null;
        Parties parties = new Parties();
        List<X12Reference> references = new ArrayList<>();
        List<X12Reference> dates = new ArrayList<>();
        List<StockTransfer943.Line> lines = new ArrayList<>();
        X12Segment w04 = null;
        List<X12Reference> lineRefs = new ArrayList<>();
        for (X12Segment s : body) {
            switch (s.tag()) {
                case "W06" -> w06 = s;
                case "W27" -> carrier = new ShippingAdvice945.Carrier(s.element(1), s.element(2), s.element(3));
                case "G62" -> dates.add(X12Reference.of(s.element(1), f.date(s, 2, true, "G62-02 date")));
                case "N9" -> (w04 == null ? references : lineRefs).add(Parties.reference(s));
                case "W04" -> {
                    addLine(lines, w04, lineRefs);
                    w04 = s;
                    lineRefs = new ArrayList<>();
                }
                case "W03" -> w03 = s;
                default -> parties.accept(s);
            }
        }
        addLine(lines, w04, lineRefs);
        if (w06 == null) {
            f.problem(body.isEmpty() ? X12Segment.of(0, "ST") : body.getFirst(), 0, "the 943 has no W06");
            w06 = X12Segment.of(0, "W06");
        }
        StockTransfer943 transfer = new StockTransfer943(f.code(w06, 1, 1, 2, true, "W06-01 reporting code"),
                f.required(w06, 2, "W06-02 depositor order number"), f.date(w06, 3, true, "W06-03 date"),
                w06.element(4), parties.all(), references, dates, carrier, lines);
        f.total(w03, 1, transfer.totalQuantity(), "W03-01 total units shipped");
        return transfer;
    }

    private void addLine(List<StockTransfer943.Line> lines, @Nullable X12Segment w04, List<X12Reference> refs) {
        if (w04 != null) {
            lines.add(new StockTransfer943.Line(f.decimalOrZero(w04, 1, "W04-01 units shipped"),
                    f.unit(w04, 2, true), f.items(w04, 3, 4, 2), w04.element(8), refs));
        }
    }
}
