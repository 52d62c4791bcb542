package com.crossdock.portal.catalog.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The error file of an import: one CSV line per problem, UTF-8 with a byte-order mark so Excel shows accents
 * right, and cells that a spreadsheet would run as a formula prefixed with a quote.
 */
final class ErrorFile implements AutoCloseable {

    private final CSVPrinter printer;

    ErrorFile(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader("Sheet", "Row", "Column", "Value", "Reason").get());
    }

    void write(ImportProblem problem) throws java.sql.SQLException {
        try {
            printer.printRecord(problem.sheet(), problem.row() == 0 ? "" : Long.toString(problem.row()),
                    problem.column(), defused(problem.value()), defused(problem.reason()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    /** A cell starting with {@code = + - @}, tab or CR is a formula to a spreadsheet; a leading quote defuses it. */
    static String defused(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
