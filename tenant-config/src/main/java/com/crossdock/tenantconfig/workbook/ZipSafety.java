package com.crossdock.tenantconfig.workbook;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * POI's zip-bomb guards for every zip this package opens (XLSX and zips of CSV), and the translation of what
 * goes wrong inside one into words for the person who uploaded it.
 */
final class ZipSafety {

    /**
     * Entries may inflate at most 100 times (POI's own default): real sheets compress about 10 to 30 times, a
     * zip bomb thousands of times.
     */
    static final double MIN_INFLATE_RATIO = 0.01;

    private static final long POI_MAX = 0xFFFFFFFFL;

    private ZipSafety() {
    }

    /**
     * Applies the limits to POI. Its settings are static, so they hold for the whole JVM: the portal reads with
     * one set of limits, and concurrent readers with different ones would share the last applied.
     */
    static synchronized void apply(WorkbookLimits limits) {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(Math.min(limits.maxUncompressedBytes(), POI_MAX));
        // POI checks this in its text extractors only; cells are bounded by maxCellLength and the unpacked size
        ZipSecureFile.setMaxTextSize(Math.min(limits.maxUncompressedBytes(), POI_MAX));
    }

    /**
     * Rethrows what reading a zip or XLSX threw: the listener's own exception as it was, a limit passed or a
     * damaged file as {@link WorkbookFormatException}, and a missing or unreadable file as it is.
     */
    static WorkbookFormatException translate(Exception thrown, String fileName, WorkbookLimits limits)
            throws IOException {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadContext.ListenerFailure failure) {
                throw failure.original();
            }
            if (cause instanceof WorkbookFormatException formatProblem) {
                return formatProblem;
            }
        }
        String messages = messages(thrown);
        if (messages.contains("Zip bomb detected") && messages.contains("max. ratio")) {
            return withCause(("%s is compressed far more tightly than a real workbook ever is (it looks like a "
                    + "\"zip bomb\"), so it was not opened. If it is a genuine catalog, open it in Excel, save it "
                    + "again and upload that, or upload the sheets as CSV files.").formatted(fileName), thrown);
        }
        if (messages.contains("Zip bomb detected") && messages.contains("max size")) {
            return (WorkbookFormatException) limits.unpacksTooLarge().initCause(thrown);
        }
        if (messages.contains("MAX_FILE_COUNT")) {
            return withCause(("%s holds far more files than a workbook does, so it was not opened. Upload the "
                    + "catalog as an Excel workbook (.xlsx) or a zip of the five CSV files.").formatted(fileName),
                    thrown);
        }
        if (thrown instanceof FileSystemException || thrown instanceof FileNotFoundException) {
            throw (IOException) thrown; // the upload's temp file is gone or unreadable: not the person's doing
        }
        // anything else POI or the zip code throws means the content is not a sound workbook
        return withCause(("%s cannot be read as a workbook; it may be damaged or not really what its name says. "
                + "Open it in Excel, save it as Excel Workbook (.xlsx) or CSV UTF-8 and upload it again.")
                .formatted(fileName), thrown);
    }

    private static String messages(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private static WorkbookFormatException withCause(String problem, Throwable cause) {
        return (WorkbookFormatException) new WorkbookFormatException(problem).initCause(cause);
    }
}
