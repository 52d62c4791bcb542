package com.crossdock.tenantconfig.workbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Reads a zip of CSV files, one sheet per file: a file named like a sheet ("items.csv") is that sheet, another
 * CSV file is known by its headers. Folders, hidden files and read-me files are skipped quietly, other files
 * with a notice.
 */
final class CsvZipReader {

    private final ReadContext context;

    CsvZipReader(ReadContext context) {
        this.context = context;
    }

    void read(ZipSecureFile zip, String fileName) throws IOException {
        List<ZipArchiveEntry> csvFiles = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String name = baseName(entry.getName());
            if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/") || name.startsWith(".")) {
                continue;
            }
            if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                csvFiles.add(entry);
            } else if (!SheetNames.isInstructions(name)) {
                others.add(name);
            }
        }
        if (!others.isEmpty()) {
            context.notice("Ignored %s in %s: only CSV files are read from a zip.".formatted(
                    others.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ")), fileName));
        }
        context.totalBytes(csvFiles.stream().mapToLong(entry -> Math.max(0, entry.getSize())).sum());
        CsvSheetReader reader = new CsvSheetReader(context);
        boolean anyRead = false;
        for (ZipArchiveEntry entry : csvFiles) {
            String name = baseName(entry.getName());
            anyRead |= reader.read(() -> zip.getInputStream(entry), name, SheetNames.byName(name).orElse(null),
                    false);
        }
        if (!anyRead) {
            throw new WorkbookFormatException(("%s holds none of the CSV files %s; name each file after the sheet "
                    + "it holds, as the template does.").formatted(fileName, String.join(", ",
                    Arrays.stream(Sheet.values()).map(Sheet::csvFileName).toList())));
        }
    }

    private static String baseName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }
}
