package com.crossdock.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The published payloads in the shared fixtures folder (see SOURCES.md there), one sub-folder per source
 * ({@code shopify}, {@code amazon-sp-api}, {@code walmart}); surefire and failsafe set {@code crossdock.fixtures}.
 */
public final class SharedFixtures {

    private final Path directory;

    private SharedFixtures(Path directory) {
        this.directory = directory;
    }

    /** The fixtures of one source. */
    public static SharedFixtures of(String folder) {
        String root = System.getProperty("crossdock.fixtures");
        if (root == null) {
            throw new IllegalStateException("the system property crossdock.fixtures is not set (surefire sets it)");
        }
        return new SharedFixtures(Path.of(root, folder));
    }

    public Path directory() {
        return directory;
    }

    /** The file names, sorted. */
    public List<String> names() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes(String name) {
        try {
            return Files.readAllBytes(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String name) {
        try {
            return Files.readString(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
