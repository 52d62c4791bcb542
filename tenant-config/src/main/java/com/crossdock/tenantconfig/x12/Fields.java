package com.crossdock.tenantconfig.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads and checks the elements a mapper uses; every breach becomes a problem naming segment and element. */
final class Fields {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<X12Problem> problems;

    Fields(List<X12Problem> problems) {
        this.problems = problems;
    }

    void problem(X12Segment s, int element, String reason) {
        problems.add(X12Problem.ofElement(s.position(), s.tag(), element, reason));
    }

    String required(X12Segment s, int n, String what) {
        String value = s.element(n);
        if (value.isEmpty()) {
            problem(s, n, what + " is required but empty");
        }
        return value;
    }

    /** An R (decimal) element; null and a problem when it is not a number, null alone when empty. */
    @Nullable BigDecimal decimal(X12Segment s, int n, boolean required, String what) {
        String value = s.element(n);
        if (value.isEmpty()) {
            if (required) {
                problem(s, n, what + " is required but empty");
            }
            return null;
        }
        if (!value.matches("-?(\\d+\\.?\\d*|\\.\\d+)") || value.length() > 20) {
            problem(s, n, what + " '" + value + "' is not a decimal number");
            return null;
        }
        return new BigDecimal(value);
    }

    BigDecimal decimalOrZero(X12Segment s, int n, String what) {
        BigDecimal value = decimal(s, n, true, what);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** An ID element of fixed or bounded size (qualifiers, units); empty passes unless required. */
    String code(X12Segment s, int n, int min, int max, boolean required, String what) {
        String value = s.element(n);
        if (value.isEmpty()) {
            if (required) {
                problem(s, n, what + " is required but empty");
            }
            return value;
        }
        if (value.length() < min || value.length() > max) {
            problem(s, n, what + " '" + value + "' must be " + (min == max ? min : min + " to " + max)
                    + " characters" + (value.length() > max ? " (a segment terminator may be missing before it)"
                    : ""));
        }
        return value;
    }

    /** A unit of measure (data element 355, ID 2/2) from element n or component 1 of it. */
    String unit(X12Segment s, int n, boolean required) {
        String value = s.component(n, 1);
        if (value.isEmpty() && !required) {
            return value;
        }
        if (value.length() != 2) {
            problem(s, n, "unit of measure '" + value + "' must be 2 characters"
                    + (value.length() > 2 ? " (a segment terminator may be missing before it)" : ""));
        }
        return value;
    }

    /** A CCYYMMDD date element, checked and kept as sent. */
    String date(X12Segment s, int n, boolean required, String what) {
        String value = s.element(n);
        if (value.isEmpty() && !required) {
            return value;
        }
        try {
            LocalDate.parse(value, CCYYMMDD);
        } catch (DateTimeParseException e) {
            problem(s, n, what + " '" + value + "' is not a CCYYMMDD date (" + e.getMessage() + ")");
        }
        return value;
    }

    /**
     * Item ids: an optional U.P.C. case code element, then qualifier/id pairs starting at {@code firstQualifier}.
     */
    List<X12ItemId> items(X12Segment s, int upcElement, int firstQualifier, int pairs) {
        List<X12ItemId> items = new ArrayList<>();
        if (upcElement > 0 && !s.element(upcElement).isEmpty()) {
            items.add(new X12ItemId("UA", s.element(upcElement)));
        }
        for (int i = 0; i < pairs; i++) {
            int q = firstQualifier + 2 * i;
            String qualifier = s.element(q);
            String id = s.element(q + 1);
            if (qualifier.isEmpty() && id.isEmpty()) {
                continue;
            }
            if (qualifier.length() != 2) {
                problem(s, q, "product/service id qualifier '" + qualifier + "' must be 2 characters");
            } else if (id.isEmpty()) {
                problem(s, q + 1, "product/service id for qualifier " + qualifier + " is empty");
            } else {
                items.add(new X12ItemId(qualifier, id));
            }
        }
        return items;
    }

    /** Checks a total segment's element against the sum of the lines (hash totals catch dropped lines). */
    void total(@Nullable X12Segment s, int n, BigDecimal expected, String what) {
        if (s == null) {
            return;
        }
        BigDecimal total = decimal(s, n, false, what);
        if (total != null && total.compareTo(expected) != 0) {
            problem(s, n, what + " " + total.toPlainString() + " does not match the sum of the lines, "
                    + expected.toPlainString());
        }
    }
}
