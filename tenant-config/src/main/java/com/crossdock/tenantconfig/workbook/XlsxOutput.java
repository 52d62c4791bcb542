package com.crossdock.tenantconfig.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes sheets into one XLSX with POI's streaming SXSSF: only a window of rows is in memory, the rest goes to
 * compressed temporary files until {@link #finish()}. Identifier columns are text cells in text-formatted
 * columns, so neither the export nor what a person types later loses leading zeros or digits.
 */
final class XlsxOutput implements SheetOutput {

    static final String README_SHEET = "Read me";

    /**
     * OOXML writes characters XML cannot hold as {@code _xHHHH_}, and readers (POI, Excel) decode that pattern
     * wherever it appears; a value that contains it literally must have its underscore escaped as {@code _x005F_}.
     */
    private static final Pattern ESCAPE_LIKE = Pattern.compile("_(?=x[0-9A-Fa-f]{4}_)");

    /** Rows kept in memory per sheet before they are flushed to the temporary file. */
    private static final int ROW_WINDOW = 200;
    private static final int README_WIDTH = 100;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), ROW_WINDOW, true, false);
    private final CellStyle headerStyle;
    private final CellStyle textStyle;
    private final CellStyle wrapStyle;
    private @Nullable SXSSFSheet sheet;
    private @Nullable Sheet current;
    private int nextRow;

    XlsxOutput(OutputStream out) {
        this.out = out;
        short text = workbook.createDataFormat().getFormat("@");
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setDataFormat(text);
        textStyle = workbook.createCellStyle();
        textStyle.setDataFormat(text);
        wrapStyle = workbook.createCellStyle();
        wrapStyle.setWrapText(true);
    }

    @Override
    public void readMe(List<ReadMe.Line> lines) {
        SXSSFSheet readMe = workbook.createSheet(README_SHEET);
        readMe.setColumnWidth(0, 24 * 256);
        readMe.setColumnWidth(1, 12 * 256);
        readMe.setColumnWidth(2, README_WIDTH * 256);
        int rowIndex = 0;
        for (ReadMe.Line line : lines) {
            Row row = readMe.createRow(rowIndex++);
            for (int i = 0; i < line.cells().size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(line.cells().get(i));
                cell.setCellStyle(line.heading() ? headerStyle : wrapStyle);
            }
        }
    }

    @Override
    public void begin(Sheet workbookSheet) {
        current = workbookSheet;
        sheet = workbook.createSheet(workbookSheet.title());
        List<Column> columns = workbookSheet.columns();
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            Cell cell = header.createCell(i);
            cell.setCellValue(column.header());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.max(column.width(), column.header().length() + 2) * 256);
            if (!column.number()) {
                sheet.setDefaultColumnStyle(i, textStyle);
            }
        }
        sheet.createFreezePane(0, 1);
        nextRow = 1;
    }

    @Override
    public void row(List<@Nullable Object> cells) {
        if (sheet == null || current == null) {
            throw new IllegalStateException("No sheet begun");
        }
        if (nextRow > SpreadsheetVersion.EXCEL2007.getLastRowIndex()) {
            throw new IllegalStateException("The %s sheet has more rows than an XLSX sheet holds (%d); export as "
                    .formatted(current.title(), SpreadsheetVersion.EXCEL2007.getMaxRows()) + "a zip of CSV files");
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value instanceof Integer number) {
                row.createCell(i).setCellValue(number);
            } else if (value != null) {
                Cell cell = row.createCell(i);
                cell.setCellValue(ESCAPE_LIKE.matcher(value.toString()).replaceAll("_x005F_"));
                cell.setCellStyle(textStyle);
            }
        }
    }

    @Override
    public void end() {
        sheet = null;
        current = null;
    }

    @Override
    public void finish() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close(); // also deletes the temporary files
        }
    }
}
