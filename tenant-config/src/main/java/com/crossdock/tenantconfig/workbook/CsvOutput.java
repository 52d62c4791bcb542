package com.crossdock.tenantconfig.workbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes sheets as CSV: UTF-8 with a byte order mark (without it Excel takes UTF-8 for the local code page),
 * comma-delimited, CRLF, cells guarded against formula injection. One file, or one zip entry per sheet.
 */
final class CsvOutput implements SheetOutput {

    static final String README = "README.txt";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final char BOM = '\uFEFF';

    private final OutputStream out;
    private final @Nullable ZipOutputStream zip;
    private @Nullable Writer writer;
    private @Nullable CSVPrinter printer;

    private CsvOutput(OutputStream out, @Nullable ZipOutputStream zip) {
        this.out = out;
        this.zip = zip;
    }

    static CsvOutput file(OutputStream out) {
        return new CsvOutput(out, null);
    }

    static CsvOutput zip(OutputStream out) {
        return new CsvOutput(out, new ZipOutputStream(out, StandardCharsets.UTF_8));
    }

    @Override
    public void readMe(List<ReadMe.Line> lines) throws IOException {
        if (zip == null) {
            return;
        }
        zip.putNextEntry(new ZipEntry(README));
        Writer text = writer(zip);
        for (ReadMe.Line line : lines) {
            text.write(plainText(line));
            text.write("\r\n");
        }
        text.flush();
        zip.closeEntry();
    }

    /** A heading on a line of its own, a column as "  SKU (required): what to enter", other text as it is. */
    private static String plainText(ReadMe.Line line) {
        List<String> cells = line.cells().stream().filter(cell -> !cell.isEmpty()).toList();
        if (line.heading() || cells.size() < 3) {
            return String.join(" - ", cells);
        }
        return "  %s (%s): %s".formatted(cells.get(0), cells.get(1), cells.get(2));
    }

    @Override
    public void begin(Sheet sheet) throws IOException {
        OutputStream target = out;
        if (zip != null) {
            zip.putNextEntry(new ZipEntry(sheet.csvFileName()));
            target = zip;
        }
        writer = writer(target);
        writer.write(BOM);
        printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(sheet.headers());
    }

    @Override
    public void row(List<@Nullable Object> cells) throws IOException {
        List<@Nullable Object> escaped = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            escaped.add(cell instanceof String text ? FormulaEscape.escape(text) : cell);
        }
        current().printRecord(escaped);
    }

    @Override
    public void end() throws IOException {
        current().flush(); // not close(): that would close the caller's stream
        if (zip != null) {
            zip.closeEntry();
        }
        printer = null;
        writer = null;
    }

    @Override
    public void finish() throws IOException {
        if (zip != null) {
            zip.finish();
        }
        out.flush();
    }

    private CSVPrinter current() {
        if (printer == null) {
            throw new IllegalStateException("No sheet begun");
        }
        return printer;
    }

    private static Writer writer(OutputStream target) {
        return new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
    }
}
