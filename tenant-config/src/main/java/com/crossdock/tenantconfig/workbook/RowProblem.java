package com.crossdock.tenantconfig.workbook;

/**
 * Why one cell or row of the workbook cannot be taken, as written in the error file.
 *
 * @param row    the spreadsheet row number (header = 1)
 * @param column the column header as the workbook names it, or empty when the whole row is meant
 * @param value  the cell as the person typed it
 * @param reason what is wrong and how to fix it, in words
 * @param sku    the row's SKU cell as typed (for a bundle row, the bundle SKU), stripped; empty when blank. An
 *               importer uses it to hold back the whole item a broken row belongs to.
 */
public record RowProblem(Sheet sheet, long row, String column, String value, String reason, String sku) {

    /** A problem of a row whose SKU is not known. */
    public RowProblem(Sheet sheet, long row, String column, String value, String reason) {
        this(sheet, row, column, value, reason, "");
    }
}
