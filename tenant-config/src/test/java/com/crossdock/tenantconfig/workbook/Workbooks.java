package com.crossdock.tenantconfig.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test files and reads in a few words. */
final class Workbooks {

    private Workbooks() {
    }

    static Path file(Path dir, String name, String content) {
        return file(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path file(Path dir, String name, String content, Charset charset) {
        return file(dir, name, content.getBytes(charset));
    }

    static Path file(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads with the default limits. */
    static RecordingListener read(Path file) throws IOException {
        return read(file, WorkbookLimits.defaults());
    }

    static RecordingListener read(Path file, WorkbookLimits limits) throws IOException {
        RecordingListener listener = new RecordingListener();
        new WorkbookReader(limits).read(file, file.getFileName().toString(), listener);
        return listener;
    }

    /** A CSV of lines joined with CRLF. */
    static String csv(String... lines) {
        return String.join("\r\n", List.of(lines)) + "\r\n";
    }

    /** {@code row} as it would be written, with the row number the export gives it (0). */
    static CatalogRow unnumbered(CatalogRow row) {
        return switch (row) {
            case CatalogRow.ItemRow r -> new CatalogRow.ItemRow(0, r.sku(), r.description(), r.status(),
                    r.lotTracked(), r.expiryTracked(), r.serialTracked(), r.hazmat());
            case CatalogRow.PackRow r -> new CatalogRow.PackRow(0, r.sku(), r.level(), r.eaches(), r.lengthMm(),
                    r.widthMm(), r.heightMm(), r.weightG(), r.gtin());
            case CatalogRow.AliasRow r -> new CatalogRow.AliasRow(0, r.sku(), r.kind(), r.value());
            case CatalogRow.BundleRow r -> new CatalogRow.BundleRow(0, r.sku(), r.kind(), r.componentSku(),
                    r.quantity());
            case CatalogRow.PrepRow r -> new CatalogRow.PrepRow(0, r.sku(), r.prep());
        };
    }

    static List<CatalogRow> unnumbered(List<? extends CatalogRow> rows) {
        return rows.stream().map(Workbooks::unnumbered).toList();
    }
}
