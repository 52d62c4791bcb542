package com.crossdock.tenantconfig.workbook;

/** Receives what {@link WorkbookReader} reads, in file order, as it streams. */
public interface WorkbookListener {

    /** A row whose every cell could be read. */
    void row(CatalogRow row);

    /** A row that cannot be read; it is not passed to {@link #row}. Several problems may name one row. */
    void problem(RowProblem problem);

    /** Something the person should know that stops nothing (an ignored column, a converted encoding). */
    void notice(String notice);

    /**
     * How many bytes of the file have been read so far, for a progress bar; for an XLSX or a zip, how many bytes
     * of what its sheets unpack to. Called about every megabyte and once at the end.
     */
    default void progress(long bytesRead, long totalBytes) {
    }
}
