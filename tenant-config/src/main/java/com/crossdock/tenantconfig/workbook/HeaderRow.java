package com.crossdock.tenantconfig.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Row 1 of a sheet: which file column holds which of the sheet's columns, and which headers are unknown. */
final class HeaderRow {

    private final Sheet sheet;
    private final Map<Column, Integer> positions = new HashMap<>();
    private final Map<Column, String> names = new HashMap<>();
    private final List<String> unknown = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();

    private HeaderRow(Sheet sheet, List<String> cells) {
        this.sheet = sheet;
        Map<String, Column> byKey = new LinkedHashMap<>();
        sheet.columns().forEach(column -> byKey.put(Names.key(column.header()), column));
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).strip();
            Column column = byKey.get(Names.key(cell));
            if (cell.isEmpty()) {
                continue;
            }
            if (column == null) {
                unknown.add(cell);
            } else if (positions.containsKey(column)) {
                duplicates.add(cell);
            } else {
                positions.put(column, i);
                names.put(column, cell);
            }
        }
    }

    static HeaderRow of(Sheet sheet, List<String> cells) {
        return new HeaderRow(sheet, cells);
    }

    /** How many of the sheet's headers the cells hold: a measure of how well a file fits the sheet. */
    static int matches(Sheet sheet, List<String> cells) {
        return new HeaderRow(sheet, cells).positions.size();
    }

    Sheet sheet() {
        return sheet;
    }

    /** The cells of a data row in the order of the sheet's columns, stripped, blank where a column is absent. */
    List<String> select(List<String> rowCells) {
        List<String> selected = new ArrayList<>(sheet.columns().size());
        for (Column column : sheet.columns()) {
            Integer position = positions.get(column);
            selected.add(position == null || position >= rowCells.size() ? "" : rowCells.get(position).strip());
        }
        return selected;
    }

    /** The header as the file writes it, or as the export would when the column is absent. */
    String name(Column column) {
        return names.getOrDefault(column, column.header());
    }

    /**
     * Throws when a required column is missing, naming each and the unknown header it was probably meant to be.
     *
     * @param where the file or sheet, as the message names it ("items.csv", "sheet 'Items'")
     */
    void requireComplete(String where) {
        List<String> problems = new ArrayList<>();
        for (Column column : sheet.columns()) {
            if (column.required() && !positions.containsKey(column)) {
                Optional<String> meant = Names.nearest(column.header(), unknown);
                problems.add("Missing column '%s' in %s; %s".formatted(column.header(), where,
                        meant.map(header -> "did you mean '" + header + "'?").orElse(
                                "row 1 must hold the headers " + String.join(", ", sheet.headers()) + ".")));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookFormatException(problems);
        }
    }

    /** A notice naming the columns that are read from nowhere, or empty when every header is known. */
    Optional<String> ignoredColumnsNotice(String where) {
        if (unknown.isEmpty() && duplicates.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (!unknown.isEmpty()) {
            parts.add("ignored the column%s %s, which the %s sheet does not have".formatted(
                    unknown.size() == 1 ? "" : "s", quoted(unknown), sheet.title()));
        }
        if (!duplicates.isEmpty()) {
            parts.add("ignored the repeated column%s %s (the first one is read)".formatted(
                    duplicates.size() == 1 ? "" : "s", quoted(duplicates)));
        }
        return Optional.of("In " + where + ": " + String.join("; ", parts) + ".");
    }

    private static String quoted(List<String> headers) {
        return headers.stream().map(header -> "'" + header + "'").collect(Collectors.joining(", "));
    }
}
