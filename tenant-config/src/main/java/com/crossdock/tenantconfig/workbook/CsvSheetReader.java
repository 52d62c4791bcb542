package com.crossdock.tenantconfig.workbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads one CSV file as one sheet, streamed: the encoding and delimiter are detected first, then the records are
 * parsed one at a time. Row numbers are CSV record numbers (header = 1), so a cell with a line break inside still
 * counts as one row, as in the spreadsheet the file came from.
 */
final class CsvSheetReader {

    /** Opens the file's bytes; called twice, because telling UTF-8 from Windows-1252 takes a look at all bytes. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /** How far into the file the header line is looked for when detecting the delimiter. */
    private static final int HEADER_LOOKAHEAD = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t'};
    private static final int EXAMPLE_LENGTH = 40;

    private final ReadContext context;

    CsvSheetReader(ReadContext context) {
        this.context = context;
    }

    /**
     * Reads the file and returns whether it was taken as a sheet.
     *
     * @param fileName     the file's name as the person knows it, for messages and to tell the sheet on a tie
     * @param sheet        the sheet the file is known to be, or {@code null} to tell it from the headers
     * @param mustBeASheet whether an unrecognisable file is an error ({@code true}) or ignored with a notice
     */
    boolean read(Source source, String fileName, @Nullable Sheet sheet, boolean mustBeASheet) throws IOException {
        TextEncoding encoding = TextEncoding.detect(source);
        try (InputStream in = context.counted(source.open())) {
            in.readNBytes(encoding.bomLength()); // read, not skipped, so progress counts it
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, encoding.charset()),
                    HEADER_LOOKAHEAD);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter(reader))
                    .setIgnoreEmptyLines(false) // an empty line is a spreadsheet row and counts in row numbers
                    .setTrailingData(true) // as spreadsheets do: "ab"c is the cell abc
                    .get();
            try (CSVParser parser = format.parse(reader)) {
                return read(parser.iterator(), fileName, sheet, mustBeASheet, encoding);
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException damaged) {
                    throw new WorkbookFormatException(("%s cannot be read as CSV: %s. A cell that starts with a "
                            + "quote (\") must end with one; fix or remove the stray quote and upload it again.")
                            .formatted(fileName, damaged.getMessage()));
                }
                throw e.getCause();
            }
        }
    }

    private boolean read(Iterator<CSVRecord> records, String fileName, @Nullable Sheet known, boolean mustBeASheet,
            TextEncoding encoding) {
        if (!records.hasNext()) {
            if (mustBeASheet) {
                throw new WorkbookFormatException("%s is empty; row 1 must hold the column headers."
                        .formatted(fileName));
            }
            return known != null;
        }
        Windows1252Notice encodingNotice = new Windows1252Notice(fileName, encoding.windows1252());
        CSVRecord headerRecord = records.next();
        List<String> headers = cells(headerRecord);
        encodingNotice.check(headerRecord.getRecordNumber(), headers);
        if (headers.stream().allMatch(String::isBlank)) {
            throw new WorkbookFormatException("Row 1 of %s is empty; it must hold the column headers."
                    .formatted(fileName));
        }
        Optional<Sheet> sheet = known != null ? Optional.of(known) : SheetNames.byHeaders(headers, fileName);
        if (sheet.isEmpty()) {
            String problem = unrecognised(fileName, headers);
            if (mustBeASheet) {
                throw new WorkbookFormatException(problem);
            }
            context.notice(problem + " It was ignored.");
            return false;
        }
        SheetRows rows = SheetRows.start(sheet.get(), headers, fileName, context);
        while (records.hasNext()) {
            CSVRecord record = records.next();
            List<String> cells = cells(record);
            encodingNotice.check(record.getRecordNumber(), cells);
            rows.row(record.getRecordNumber(), cells);
        }
        encodingNotice.finish();
        return true;
    }

    private static String unrecognised(String fileName, List<String> headers) {
        return ("Could not tell which sheet %s is: row 1 (%s) does not hold the headers of the %s sheet. Row 1 "
                + "must hold the headers, e.g. for Items: %s.").formatted(fileName,
                headers.stream().filter(h -> !h.isBlank()).map(h -> "'" + h.strip() + "'")
                        .collect(Collectors.joining(", ")),
                SheetNames.titles(), String.join(", ", Sheet.ITEMS.headers()));
    }

    private static List<String> cells(CSVRecord record) {
        return record.toList().stream().map(FormulaEscape::unescape).toList();
    }

    /** The delimiter that occurs most often outside quotes in the header line; a comma when none does. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD + 1);
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0, c = reader.read(); i < HEADER_LOOKAHEAD && c >= 0; i++, c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    counts[d] += c == DELIMITERS[d] ? 1 : 0;
                }
            }
        }
        reader.reset();
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            best = counts[d] > counts[best] ? d : best;
        }
        return DELIMITERS[best];
    }

    /**
     * Tells the person once that the file was read as Windows-1252, quoting the first cell with an accented
     * character so they can check it came out right.
     */
    private final class Windows1252Notice {

        private final String fileName;
        private boolean pending;

        Windows1252Notice(String fileName, boolean windows1252) {
            this.fileName = fileName;
            this.pending = windows1252;
        }

        void check(long row, List<String> cells) {
            if (!pending) {
                return;
            }
            for (String cell : cells) {
                if (cell.chars().anyMatch(c -> c > 127)) {
                    String example = cell.strip();
                    if (example.length() > EXAMPLE_LENGTH) {
                        example = example.substring(0, EXAMPLE_LENGTH) + "…";
                    }
                    send(" Check accented characters, e.g. row %d '%s'.".formatted(row, example));
                    return;
                }
            }
        }

        void finish() {
            if (pending) {
                send(" Check accented characters.");
            }
        }

        private void send(String check) {
            pending = false;
            context.notice(("The file %s is not UTF-8; it was read as Windows-1252 (Excel's default on Windows)."
                    + check).formatted(fileName));
        }
    }
}
