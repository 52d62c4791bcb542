package com.crossdock.tenantconfig.workbook;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The columns of one sheet and how a row of it turns into a {@link CatalogRow} and back. */
interface SheetCodec {

    List<Column> columns();

    /** The row, or {@code null} when {@code cells} recorded problems with it. */
    @Nullable CatalogRow read(RowCells cells);

    /**
     * The cells of {@code row} in column order: a {@link String}, an {@link Integer} for number columns, or
     * {@code null} for a blank cell.
     */
    List<@Nullable Object> write(CatalogRow row);
}
