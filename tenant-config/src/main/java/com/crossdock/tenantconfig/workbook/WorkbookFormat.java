package com.crossdock.tenantconfig.workbook;

/** The file formats the workbook is read from and written in. */
public enum WorkbookFormat {
    /** One sheet as one CSV file (UTF-8 with BOM, comma-delimited, so Excel opens it right). */
    CSV,
    /** A .zip holding one CSV file per sheet, named by {@link Sheet#csvFileName()}. */
    CSV_ZIP,
    /** One Excel workbook (.xlsx) with a sheet per {@link Sheet}, named by {@link Sheet#title()}. */
    XLSX
}
