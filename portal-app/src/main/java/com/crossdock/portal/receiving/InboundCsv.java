package com.crossdock.portal.receiving;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a brand's own inbound shipment file: a header row, then one row per SKU of a shipment
 * ({@code reference, carrier, expected_on, sku, quantity}, and {@code lot}, {@code expiry_on} for items that track
 * them; comma or semicolon separated, UTF-8 with or without a BOM).
 * Rows are grouped by reference in file order. Only the file's own shape is checked here; catalog SKUs and
 * references are the service's to check.
 */
final class InboundCsv {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final int MAX_ROWS = 5000;
    private static final int SHOWN_PROBLEMS = 10;
    private static final Set<String> REQUIRED = Set.of("reference", "expected_on", "sku", "quantity");

    private InboundCsv() {
    }

    /** The shipments the file names, by reference, and what is wrong with it (row by row). */
    record Parsed(Map<String, InboundShipmentCommand> shipments, List<String> problems) {
    }

    static Parsed parse(byte[] content) {
        List<String> problems = new ArrayList<>();
        if (content.length == 0 || content.length > MAX_BYTES) {
            return new Parsed(Map.of(), List.of("Upload a CSV file of 1 byte to " + MAX_BYTES / 1024 / 1024 + " MB"));
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',')
                .count() ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get();
        Map<String, String> carriers = new LinkedHashMap<>();
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        Map<String, List<InboundShipmentCommand.Line>> lines = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> headers = parser.getHeaderNames().stream()
                    .map(name -> name.toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
            List<String> missing = REQUIRED.stream().filter(name -> !headers.contains(name)).sorted().toList();
            if (!missing.isEmpty()) {
                return new Parsed(Map.of(), List.of("The header row lacks " + String.join(", ", missing)
                        + "; the columns are reference, carrier, expected_on, sku, quantity (and lot, expiry_on where "
                        + "items track them)"));
            }
            for (CSVRecord row : parser) {
                if (row.getRecordNumber() > MAX_ROWS) {
                    problems.add("More than " + MAX_ROWS + " rows; split the file");
                    break;
                }
                read(row, headers, carriers, dates, lines, problems);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            return new Parsed(Map.of(), List.of("The file is not a readable CSV: " + unreadable.getMessage()));
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add("The file has a header but no rows");
        }
        Map<String, InboundShipmentCommand> shipments = new LinkedHashMap<>();
        lines.forEach((reference, skus) -> shipments.put(reference, new InboundShipmentCommand(reference,
                carriers.get(reference), dates.get(reference), skus)));
        return new Parsed(shipments, problems);
    }

    private static void read(CSVRecord row, List<String> headers, Map<String, String> carriers,
            Map<String, LocalDate> dates, Map<String, List<InboundShipmentCommand.Line>> lines, List<String> problems) {
        String where = "Row " + (row.getRecordNumber() + 1) + ": ";
        String reference = value(row, headers, "reference");
        String sku = value(row, headers, "sku");
        if (reference.isEmpty() || sku.isEmpty()) {
            problems.add(where + "needs a reference and a SKU");
            return;
        }
        int quantity;
        try {
            quantity = Integer.parseInt(value(row, headers, "quantity"));
        } catch (NumberFormatException notANumber) {
            problems.add(where + "quantity \"" + value(row, headers, "quantity") + "\" is not a whole number");
            return;
        }
        LocalDate expected;
        try {
            expected = LocalDate.parse(value(row, headers, "expected_on"));
        } catch (DateTimeParseException notADate) {
            problems.add(where + "expected_on \"" + value(row, headers, "expected_on")
                    + "\" is not a date like 2026-12-01");
            return;
        }
        LocalDate before = dates.putIfAbsent(reference, expected);
        if (before != null && !before.equals(expected)) {
            problems.add(where + reference + " has two expected dates; give each shipment one");
        }
        carriers.putIfAbsent(reference, value(row, headers, "carrier"));
        String expiry = value(row, headers, "expiry_on");
        LocalDate expiryOn = null;
        if (!expiry.isEmpty()) {
            try {
                expiryOn = LocalDate.parse(expiry);
            } catch (DateTimeParseException notADate) {
                problems.add(where + "expiry_on \"" + expiry + "\" is not a date like 2027-06-30");
                return;
            }
        }
        String lot = value(row, headers, "lot");
        lines.computeIfAbsent(reference, k -> new ArrayList<>()).add(new InboundShipmentCommand.Line(sku, quantity,
                lot.isEmpty() ? null : lot, expiryOn));
    }

    private static String value(CSVRecord row, List<String> headers, String column) {
        int index = headers.indexOf(column);
        return index < 0 || index >= row.size() ? "" : row.get(index).strip();
    }

    /** The first problems as one message, and how many more there are. */
    static String summary(List<String> problems) {
        String shown = String.join("; ", problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())));
        return "Nothing was created. " + shown + (problems.size() > SHOWN_PROBLEMS ? "; and "
                + (problems.size() - SHOWN_PROBLEMS) + " more" : "") + ". Correct the file and upload it again.";
    }
}
