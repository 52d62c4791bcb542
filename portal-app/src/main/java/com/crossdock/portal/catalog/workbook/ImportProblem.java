package com.crossdock.portal.catalog.workbook;

/**
 * One problem of an import as the person reads it.
 *
 * @param sheet  the sheet's title, or "File" when the whole file is meant
 * @param row    the spreadsheet row (header = 1), 0 for the whole file
 */
public record ImportProblem(String sheet, long row, String column, String value, String reason) {

    static final String FILE = "FILE";

    static String title(String sheetCode) {
        return FILE.equals(sheetCode) ? "File" : com.crossdock.tenantconfig.workbook.Sheet.valueOf(sheetCode).title();
    }
}
