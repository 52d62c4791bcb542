package com.crossdock.tenantconfig.workbook;

import java.io.Serial;
import java.util.List;

/**
 * The file as a whole cannot be read: it is not a workbook, is too large, lacks required columns or holds no
 * recognisable sheet. {@link #problems()} says each in words the person who uploaded it understands.
 */
public class WorkbookFormatException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public WorkbookFormatException(String problem) {
        this(List.of(problem));
    }

    public WorkbookFormatException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A format exception names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** What is wrong with the file, one sentence or two each, with what to do about it. */
    public List<String> problems() {
        return problems;
    }
}
