package com.crossdock.tenantconfig.workbook;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where {@link WorkbookWriter} puts its sheets: one of the file formats. */
interface SheetOutput {

    /** The explanation of the workbook, before any sheet. */
    void readMe(List<ReadMe.Line> lines) throws IOException;

    /** Starts a sheet and writes its header row. */
    void begin(Sheet sheet) throws IOException;

    /** One row of the current sheet, as {@link SheetCodec#write} gives it. */
    void row(List<@Nullable Object> cells) throws IOException;

    void end() throws IOException;

    /** Completes the file; leaves the caller's stream open. */
    void finish() throws IOException;
}
