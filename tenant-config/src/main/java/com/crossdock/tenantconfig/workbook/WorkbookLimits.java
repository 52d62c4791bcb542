package com.crossdock.tenantconfig.workbook;

import java.util.Locale;

/**
 * How much one upload may hold; {@link WorkbookReader} stops with a {@link WorkbookFormatException} at the first
 * limit passed.
 *
 * @param maxRows              data rows in all sheets together
 * @param maxFileBytes         size of the uploaded file
 * @param maxUncompressedBytes what an XLSX or zip unpacks to; also the largest single entry POI will inflate
 * @param maxCellLength        characters in one cell; a longer cell is a problem of its row, not of the file
 */
public record WorkbookLimits(long maxRows, long maxFileBytes, long maxUncompressedBytes, int maxCellLength) {

    private static final long MB = 1024 * 1024;

    public WorkbookLimits {
        if (maxRows < 1 || maxFileBytes < 1 || maxUncompressedBytes < 1 || maxCellLength < 1) {
            throw new IllegalArgumentException("Workbook limits are positive");
        }
    }

    /** Two million rows, a 200 MB file, 1 GB unpacked, 1,000 characters a cell. */
    public static WorkbookLimits defaults() {
        return new WorkbookLimits(2_000_000, 200 * MB, 1024 * MB, 1_000);
    }

    WorkbookFormatException tooManyRows() {
        return new WorkbookFormatException(String.format(Locale.ROOT,
                "The file has more than %,d rows, the most one upload may hold. Split the catalog into several "
                        + "files (for example by SKU range) and upload them one after another.", maxRows));
    }

    WorkbookFormatException fileTooLarge(long bytes) {
        return new WorkbookFormatException("The file is %s; an upload may be at most %s. Split the catalog into "
                .formatted(size(bytes), size(maxFileBytes))
                + "several files (for example one per sheet, or by SKU range) and upload them one after another.");
    }

    WorkbookFormatException unpacksTooLarge() {
        return new WorkbookFormatException("The file unpacks to more than %s, the most one upload may hold. Split "
                .formatted(size(maxUncompressedBytes))
                + "the catalog into several files (for example by SKU range) and upload them one after another.");
    }

    static String size(long bytes) {
        if (bytes >= 1024 * MB) {
            return String.format(Locale.ROOT, bytes % (1024 * MB) == 0 ? "%.0f GB" : "%.1f GB",
                    bytes / (double) (1024 * MB));
        }
        if (bytes >= MB) {
            return String.format(Locale.ROOT, bytes % MB == 0 ? "%.0f MB" : "%.1f MB", bytes / (double) MB);
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
