package com.crossdock.tenantconfig.workbook;

import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.Sku;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The cells of one data row, by column, and what is wrong with them. Each getter records a problem when the cell
 * cannot be taken and then returns {@code null} (or {@code false}); it also returns {@code null} for a blank
 * optional cell. So a codec that finds {@link #hasProblems()} false may trust every required value it got.
 */
final class RowCells {

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** "1,200", "1.200", "1 200", "1'200": groups of three with one separator, as spreadsheets format them. */
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([,. \u00A0\u202F'’])\\d{3}(\\1\\d{3})*");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d*[.,]\\d+");
    private static final Pattern NEGATIVE = Pattern.compile("-\\s*\\d+([,. \u00A0\u202F'’]\\d{3})*");
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[,;]\\s*");
    private static final int[] GTIN_LENGTHS = {8, 12, 13, 14};

    private final Sheet sheet;
    private final long row;
    private final List<String> values;
    private final HeaderRow header;
    private final int maxCellLength;
    private final Set<Column> reported = new HashSet<>();
    private final List<RowProblem> problems = new ArrayList<>();

    /**
     * @param values the stripped cell texts in the order of {@code sheet.columns()}, blank when absent
     */
    RowCells(Sheet sheet, long row, List<String> values, HeaderRow header, int maxCellLength) {
        this.sheet = sheet;
        this.row = row;
        this.values = values;
        this.header = header;
        this.maxCellLength = maxCellLength;
        for (Column column : sheet.columns()) {
            int length = text(column).length();
            if (length > maxCellLength) {
                problem(column, String.format(Locale.ROOT, "This cell has %,d characters; a cell may hold at most %,d",
                        length, maxCellLength));
            }
        }
    }

    long row() {
        return row;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    List<RowProblem> problems() {
        return problems;
    }

    /** The cell as typed (stripped), empty when blank. */
    String text(Column column) {
        return values.get(sheet.columns().indexOf(column));
    }

    /** A text of at most {@code maxLength} characters. */
    @Nullable String text(Column column, int maxLength) {
        String text = present(column);
        if (text != null && text.length() > maxLength) {
            return problem(column, "At most %d characters are accepted; this has %d".formatted(maxLength,
                    text.length()));
        }
        return text;
    }

    @Nullable Sku sku(Column column) {
        String text = present(column);
        if (text == null) {
            return null;
        }
        try {
            return Sku.of(text);
        } catch (IllegalArgumentException e) {
            return problem(column, e.getMessage());
        }
    }

    /** A yes/no cell; blank is no. */
    boolean flag(Column column) {
        String text = present(column);
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!YES.contains(lower) && !NO.contains(lower)) {
            problem(column, "Write yes or no (y/n, true/false, 1/0 and x for yes are accepted too)");
        }
        return YES.contains(lower);
    }

    /** One of {@code choices}, written as its name or its label, loosely (see {@link Names#key}). */
    <E extends Enum<E>> @Nullable E choice(Column column, E[] choices, Function<E, String> label) {
        String text = present(column);
        return text == null ? null : choice(column, text, choices, label);
    }

    /** Several of {@code choices} separated by commas or semicolons; empty when blank. */
    <E extends Enum<E>> Set<E> choices(Column column, E[] choices) {
        String text = present(column);
        if (text == null) {
            return Set.of();
        }
        Set<E> chosen = EnumSet.noneOf(choices[0].getDeclaringClass());
        for (String part : SEPARATORS.split(text)) {
            if (!part.isBlank()) {
                E choice = choice(column, part.strip(), choices, Enum::name);
                if (choice != null) {
                    chosen.add(choice);
                }
            }
        }
        return chosen;
    }

    /** A whole number of 1 or more, with or without thousands separators. */
    @Nullable Integer positiveNumber(Column column) {
        String text = present(column);
        if (text == null) {
            return null;
        }
        String digits = GROUPED.matcher(text).matches() ? text.replaceAll("\\D", "") : text;
        if (!DIGITS.matcher(digits).matches()) {
            if (DECIMAL.matcher(text).matches()) {
                return problem(column, "Enter a whole number; decimals are not accepted here");
            }
            if (NEGATIVE.matcher(text).matches()) {
                return problem(column, "Enter a number of 1 or more");
            }
            return problem(column, "Enter a whole number, e.g. 12");
        }
        long value = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value > Integer.MAX_VALUE) {
            return problem(column, "This number is too large");
        }
        if (value < 1) {
            return problem(column, "Enter a number of 1 or more");
        }
        return (int) value;
    }

    @Nullable Gtin gtin(Column column) {
        String text = present(column);
        if (text == null) {
            return null;
        }
        String problem = Gtin.problemWith(text);
        if (problem == null) {
            return Gtin.parse(text);
        }
        return problem(column, problem + droppedZerosHint(text));
    }

    /** Records a problem with one cell; returns {@code null} so getters can return it. */
    <T> @Nullable T problem(Column column, @Nullable String reason) {
        reported.add(column);
        String value = text(column);
        if (value.length() > maxCellLength) {
            value = value.substring(0, maxCellLength) + "…"; // keeps the problem list as bounded as the cells
        }
        problems.add(new RowProblem(sheet, row, header.name(column), value,
                reason == null ? "This value cannot be taken" : reason, skuCell()));
        return null;
    }

    /** Records a problem with the row as a whole. */
    void rowProblem(String reason) {
        problems.add(new RowProblem(sheet, row, "", "", reason, skuCell()));
    }

    /** The row's SKU as typed: every sheet's first column names the item (or bundle) the row belongs to. */
    private String skuCell() {
        String sku = text(sheet.columns().getFirst());
        return sku.length() > Sku.MAX_LENGTH ? "" : sku;
    }

    /** The cell's text, or null when it is blank (a problem when the column is required) or already reported. */
    private @Nullable String present(Column column) {
        if (reported.contains(column)) {
            return null;
        }
        String text = text(column);
        if (text.isEmpty()) {
            return column.required() ? problem(column, "This column needs a value in every row") : null;
        }
        return text;
    }

    private <E extends Enum<E>> @Nullable E choice(Column column, String text, E[] choices,
            Function<E, String> label) {
        String key = Names.key(text);
        for (E choice : choices) {
            if (Names.key(choice.name()).equals(key) || Names.key(label.apply(choice)).equals(key)) {
                return choice;
            }
        }
        List<String> accepted = Arrays.stream(choices).map(Enum::name).toList();
        List<String> spellings = Arrays.stream(choices)
                .flatMap(choice -> Stream.of(choice.name(), label.apply(choice))).toList();
        String nearest = Names.closest(text, spellings).orElseThrow();
        String nearestName = Arrays.stream(choices)
                .filter(choice -> choice.name().equals(nearest) || label.apply(choice).equals(nearest))
                .findFirst().orElseThrow().name();
        return problem(column, "'%s' is not one of the accepted values: %s. Did you mean %s?".formatted(text,
                accepted.stream().collect(Collectors.joining(", ")), nearestName));
    }

    /**
     * Spreadsheets store a typed barcode as a number and drop its leading zeros; if zeros in front make it valid,
     * that is almost surely what happened. Zeros in front never change a check digit, so only a wrong length can
     * be mended this way.
     */
    private static String droppedZerosHint(String text) {
        if (!DIGITS.matcher(text).matches() || text.length() < 6 || text.length() >= 14) {
            return "";
        }
        for (int length : GTIN_LENGTHS) {
            if (length > text.length()) {
                String padded = "0".repeat(length - text.length()) + text;
                if (Gtin.problemWith(padded) == null) {
                    return ". The spreadsheet probably dropped %s (the full number would be %s): format the GTIN"
                            .formatted(length - text.length() == 1 ? "a leading zero" : "leading zeros", padded)
                            + " column as text and enter the number with its zeros";
                }
            }
        }
        return "";
    }
}
