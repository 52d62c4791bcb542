package com.crossdock.tenantconfig.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Reads a catalog workbook a person filled in (a CSV file, a zip of CSV files or an XLSX) and streams its rows,
 * typed, to a {@link WorkbookListener}: each readable row to {@link WorkbookListener#row}, each unreadable one as
 * {@link RowProblem}s, in file order, never holding the whole file in memory. The format is told from the content,
 * not the file name. What makes the whole file unreadable (not a workbook, a limit passed, required columns
 * missing) is a {@link WorkbookFormatException}; rows already streamed before it stay streamed.
 *
 * <p>Spreadsheet habits are expected: UTF-8 with or without BOM, UTF-16 with BOM or Windows-1252; comma,
 * semicolon or tab delimiters; headers in any case and spacing; thousands separators; barcodes that lost their
 * leading zeros; numbers Excel stored as numbers. A reader is immutable and may be shared.
 */
public final class WorkbookReader {

    private final WorkbookLimits limits;

    public WorkbookReader(WorkbookLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads {@code file} and streams it to {@code listener}.
     *
     * @param originalFileName the name the file was uploaded with, for messages and to tell a CSV file's sheet
     * @throws WorkbookFormatException when the file as a whole cannot be read
     * @throws IOException             when {@code file} itself cannot be read
     */
    public void read(Path file, String originalFileName, WorkbookListener listener) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw limits.fileTooLarge(size);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(FileSniffer.HEAD_LENGTH);
        }
        ReadContext context = new ReadContext(limits, listener);
        try {
            if (FileSniffer.sniff(head, originalFileName) == FileSniffer.Kind.ZIP) {
                readZip(file, originalFileName, context);
            } else {
                context.totalBytes(size);
                new CsvSheetReader(context).read(() -> Files.newInputStream(file), originalFileName, null, true);
            }
            context.finish();
        } catch (ReadContext.ListenerFailure failure) {
            throw failure.original();
        }
    }

    private void readZip(Path file, String fileName, ReadContext context) throws IOException {
        ZipSafety.apply(limits);
        try {
            boolean xlsx;
            try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
                checkDeclaredSize(zip);
                xlsx = zip.getEntry("xl/workbook.xml") != null;
                if (!xlsx) {
                    refuseOtherPackages(zip, fileName);
                    new CsvZipReader(context).read(zip, fileName);
                    return;
                }
            }
            new XlsxReader(context).read(file, fileName);
        } catch (WorkbookFormatException e) {
            throw e;
        } catch (Exception e) {
            throw ZipSafety.translate(e, fileName, limits);
        }
    }

    /** The sizes the zip declares can lie, but when they are honest they spare unpacking anything. */
    private void checkDeclaredSize(ZipSecureFile zip) {
        long declared = 0;
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            declared += Math.max(0, entry.getSize());
        }
        if (declared > limits.maxUncompressedBytes()) {
            throw limits.unpacksTooLarge();
        }
    }

    /** Office files that are zips too, with what to do instead. */
    private static void refuseOtherPackages(ZipSecureFile zip, String fileName) {
        if (zip.getEntry("xl/workbook.bin") != null) {
            throw new WorkbookFormatException(("%s is an Excel binary workbook (.xlsb), which cannot be read. Open it "
                    + "in Excel and save it as Excel Workbook (.xlsx), then upload that.").formatted(fileName));
        }
        if (zip.getEntry("content.xml") != null && zip.getEntry("mimetype") != null) {
            throw new WorkbookFormatException(("%s is an OpenDocument file (.ods), which cannot be read. Save it as "
                    + "Excel Workbook (.xlsx) or CSV UTF-8, then upload that.").formatted(fileName));
        }
        if (zip.getEntry("word/document.xml") != null || zip.getEntry("ppt/presentation.xml") != null) {
            throw FileSniffer.notAWorkbook(fileName, "a Word or PowerPoint document");
        }
    }
}
