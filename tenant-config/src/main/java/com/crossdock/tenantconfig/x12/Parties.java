package com.crossdock.tenantconfig.x12;

import java.util.ArrayList;
import java.util.List;

/** Collects N1 loops (N1, N2, N3, N4) into parties; segments of other tags are ignored here. */
final class Parties {

    private final List<X12Party> parties = new ArrayList<>();
    private X12Segment n1 = X12Segment.of(0, "N1");
    private List<String> lines = new ArrayList<>();
    private X12Segment n4 = X12Segment.of(0, "N4");
    private boolean open;

    /** Takes N1 to N4; returns false for any other segment. */
    boolean accept(X12Segment s) {
        switch (s.tag()) {
            case "N1" -> {
                close();
                n1 = s;
                lines = new ArrayList<>();
                n4 = X12Segment.of(0, "N4");
                open = true;
            }
            case "N2", "N3" -> {
                lines.add(s.element(1));
                if (!s.element(2).isEmpty()) {
                    lines.add(s.element(2));
                }
            }
            case "N4" -> n4 = s;
            default -> {
                return false;
            }
        }
        return true;
    }

    private void close() {
        if (open) {
            parties.add(new X12Party(n1.element(1), n1.element(2), n1.element(3), n1.element(4), lines,
                    n4.element(1), n4.element(2), n4.element(3), n4.element(4)));
            open = false;
        }
    }

    List<X12Party> all() {
        close();
        return List.copyOf(parties);
    }

    static X12Reference reference(X12Segment s) {
        return new X12Reference(s.element(1), s.element(2), s.element(3));
    }
}
