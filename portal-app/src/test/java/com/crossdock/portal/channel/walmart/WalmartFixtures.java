package com.crossdock.portal.channel.walmart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Walmart's published Marketplace payloads in shared/fixtures/walmart (see SOURCES.md there). */
final class WalmartFixtures {

    private WalmartFixtures() {
    }

    static Path directory() {
        String root = System.getProperty("crossdock.fixtures");
        if (root == null) {
            throw new IllegalStateException("the system property crossdock.fixtures is not set (surefire sets it)");
        }
        return Path.of(root, "walmart");
    }

    static List<String> names() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(directory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
