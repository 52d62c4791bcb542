package com.crossdock.tenantconfig.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Zip files for tests, built entry by entry; big entries are streamed so they never sit in memory. */
final class Zips {

    /** Writes the content of one entry. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Map<String, Content> entries = new LinkedHashMap<>();

    static Zips of() {
        return new Zips();
    }

    /** The entries of an existing zip, to be changed before writing it again. */
    static Zips copyOf(Path zip) throws IOException {
        Zips copy = new Zips();
        // read by the central directory, as Excel does: the JDK's streaming reader trips over POI's zip64 headers
        try (ZipFile in = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = read(in.getInputStream(entry));
                copy.entries.put(entry.getName(), out -> out.write(bytes));
            }
        }
        return copy;
    }

    Zips with(String name, String text) {
        return with(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Zips with(String name, byte[] bytes) {
        entries.put(name, out -> out.write(bytes));
        return this;
    }

    Zips with(String name, Content content) {
        entries.put(name, content);
        return this;
    }

    Path writeTo(Path file) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, Content> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                entry.getValue().writeTo(zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@code megabytes} of one repeated character: compresses about a thousand times. */
    static Content repeated(char c, int megabytes) {
        return out -> {
            byte[] block = new byte[1024 * 1024];
            java.util.Arrays.fill(block, (byte) c);
            for (int i = 0; i < megabytes; i++) {
                out.write(block);
            }
        };
    }

    static byte[] bytes(Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        content.writeTo(out);
        return out.toByteArray();
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
