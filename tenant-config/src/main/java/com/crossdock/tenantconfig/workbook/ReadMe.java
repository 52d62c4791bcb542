package com.crossdock.tenantconfig.workbook;

import java.util.ArrayList;
import java.util.List;

/** The explanation of the workbook that the template carries: each sheet and each column in a sentence. */
final class ReadMe {

    /** One line of the explanation; a heading is set in bold. */
    record Line(boolean heading, List<String> cells) {
    }

    private ReadMe() {
    }

    static List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(true, List.of("Catalog onboarding workbook")));
        lines.add(new Line(false, List.of("", "", "Fill in one sheet per kind of data. Row 1 of every sheet holds "
                + "the column headers: keep them. Required columns need a value in every row; blank rows are "
                + "skipped. Replace the example rows with your own, then upload the workbook (as .xlsx, or each "
                + "sheet as a CSV file).")));
        for (Sheet sheet : Sheet.values()) {
            lines.add(new Line(false, List.of()));
            lines.add(new Line(true, List.of(sheet.title(), "", purpose(sheet))));
            for (Column column : sheet.columns()) {
                lines.add(new Line(false, List.of(column.header(), column.required() ? "required" : "optional",
                        column.description())));
            }
        }
        return lines;
    }

    private static String purpose(Sheet sheet) {
        return switch (sheet) {
            case ITEMS -> "One row per item (SKU) you sell or store.";
            case PACKS -> "One row per pack level of an item: the single unit, inner packs, cases, pallets.";
            case ALIASES -> "One row per identifier a sales channel knows an item by, so its orders find the item.";
            case BUNDLES -> "One row per component of a bundle or kit, repeating the bundle SKU.";
            case PREP -> "Amazon FBA prep for the items you send to Amazon: one row per item.";
        };
    }
}
