package com.crossdock.tenantconfig.workbook;

import java.util.List;

/** Turns the data rows of one sheet, as cell texts, into rows and problems for the listener. */
final class SheetRows {

    private final HeaderRow header;
    private final ReadContext context;

    private SheetRows(HeaderRow header, ReadContext context) {
        this.header = header;
        this.context = context;
    }

    /**
     * Checks the header row of {@code sheet} and tells the listener about the columns it ignores.
     *
     * @param where the file or sheet as messages name it
     */
    static SheetRows start(Sheet sheet, List<String> headerCells, String where, ReadContext context) {
        HeaderRow header = HeaderRow.of(sheet, headerCells);
        header.requireComplete(where);
        header.ignoredColumnsNotice(where).ifPresent(context::notice);
        return new SheetRows(header, context);
    }

    /** One data row; a row with nothing in the sheet's columns is skipped. */
    void row(long rowNumber, List<String> cells) {
        context.countRow();
        List<String> values = header.select(cells);
        if (values.stream().allMatch(String::isEmpty)) {
            return;
        }
        Sheet sheet = header.sheet();
        RowCells rowCells = new RowCells(sheet, rowNumber, values, header, context.limits().maxCellLength());
        CatalogRow row = sheet.codec().read(rowCells);
        if (row != null) {
            context.row(row);
        } else {
            rowCells.problems().forEach(context::problem);
        }
    }
}
