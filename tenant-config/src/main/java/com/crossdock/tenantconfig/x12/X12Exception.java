package com.crossdock.tenantconfig.x12;

import java.io.Serial;
import java.util.List;

/**
 * The input is refused as a whole: it is not a readable X12 interchange, its envelope does not close, or a
 * transaction the codec maps breaks the rules it checks. {@link #problems()} names segment and position of each.
 */
public class X12Exception extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<X12Problem> problems;

    /** A refusal for the given problems, at least one. */
    public X12Exception(List<X12Problem> problems) {
        super(problems.isEmpty() ? "" : problems.getFirst().describe());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A refusal names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** A refusal for one problem. */
    public X12Exception(X12Problem problem) {
        this(List.of(problem));
    }

    /** Every reason the input is refused, in the order they were found. */
    public List<X12Problem> problems() {
        return problems;
    }
}
