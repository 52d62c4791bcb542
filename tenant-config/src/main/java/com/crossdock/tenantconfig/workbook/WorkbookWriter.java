package com.crossdock.tenantconfig.workbook;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Iterator;

/**
 * Writes catalog rows in the workbook's format, so an export can be edited and uploaded again: what
 * {@link WorkbookReader} reads back equals what was written (apart from {@link CatalogRow#row()}). Rows are
 * streamed; sheets appear in the order {@link #sheet} is called, and on {@link #close()} every sheet not written
 * is added with its headers only (XLSX and zip of CSV). A CSV file holds one sheet.
 *
 * <pre>{@code
 * try (WorkbookWriter writer = WorkbookWriter.open(WorkbookFormat.XLSX, out)) {
 *     writer.sheet(Sheet.ITEMS, items.iterator());
 *     writer.sheet(Sheet.PACKS, packs.iterator());
 * }
 * }</pre>
 *
 * Closing finishes the file and flushes {@code out} but leaves it open: the stream is the caller's.
 */
public final class WorkbookWriter implements Closeable {

    private final WorkbookFormat format;
    private final SheetOutput output;
    private final EnumSet<Sheet> written = EnumSet.noneOf(Sheet.class);
    private boolean readMeAllowed = true;
    private boolean closed;

    private WorkbookWriter(WorkbookFormat format, SheetOutput output) {
        this.format = format;
        this.output = output;
    }

    public static WorkbookWriter open(WorkbookFormat format, OutputStream out) {
        return new WorkbookWriter(format, switch (format) {
            case CSV -> CsvOutput.file(out);
            case CSV_ZIP -> CsvOutput.zip(out);
            case XLSX -> new XlsxOutput(out);
        });
    }

    /**
     * Writes one sheet with {@code rows}, which must all be rows of that sheet.
     *
     * @throws IllegalStateException when the sheet was written already, or a CSV file got a second sheet
     */
    public void sheet(Sheet sheet, Iterator<? extends CatalogRow> rows) throws IOException {
        requireOpen();
        if (written.contains(sheet)) {
            throw new IllegalStateException("The " + sheet.title() + " sheet was written already");
        }
        if (format == WorkbookFormat.CSV && !written.isEmpty()) {
            throw new IllegalStateException("A CSV file holds one sheet; write several as CSV_ZIP or XLSX");
        }
        written.add(sheet);
        readMeAllowed = false;
        output.begin(sheet);
        while (rows.hasNext()) {
            CatalogRow row = rows.next();
            if (row.sheet() != sheet) {
                throw new IllegalArgumentException("A row of the %s sheet cannot go on the %s sheet (SKU %s)"
                        .formatted(row.sheet().title(), sheet.title(), row.sku()));
            }
            output.row(sheet.codec().write(row));
        }
        output.end();
    }

    /** Adds the explanation of the workbook: a "Read me" sheet, or README.txt in a zip. Only before any sheet. */
    void readMe() throws IOException {
        requireOpen();
        if (!readMeAllowed) {
            throw new IllegalStateException("The read-me comes before the sheets");
        }
        readMeAllowed = false;
        output.readMe(ReadMe.lines());
    }

    /** Adds the sheets not written yet, headers only (not to a CSV file), and completes the file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (format != WorkbookFormat.CSV) {
            for (Sheet sheet : EnumSet.complementOf(written)) {
                output.begin(sheet);
                output.end();
            }
        }
        output.finish();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The writer is closed");
        }
    }
}
