package com.crossdock.portal.catalog.workbook;

/** Hears how far a long import step has come; called from the thread doing the work. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, fraction, detail) -> {
    };

    /**
     * @param fraction how much of the whole import is done, 0 to 1
     * @param detail   what is happening, in words ("Read 12,000 rows")
     */
    void report(ImportPhase phase, double fraction, String detail);
}
