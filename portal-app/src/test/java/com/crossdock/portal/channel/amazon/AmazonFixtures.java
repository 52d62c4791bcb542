package com.crossdock.portal.channel.amazon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The published SP-API payloads in shared/fixtures/amazon-sp-api (see SOURCES.md there). */
final class AmazonFixtures {

    private AmazonFixtures() {
    }

    static Path directory() {
        String root = System.getProperty("crossdock.fixtures");
        if (root == null) {
            throw new IllegalStateException("the system property crossdock.fixtures is not set (surefire sets it)");
        }
        return Path.of(root, "amazon-sp-api");
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

    static String text(String name) {
        try {
            return Files.readString(directory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
