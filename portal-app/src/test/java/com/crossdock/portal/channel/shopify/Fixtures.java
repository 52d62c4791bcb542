package com.crossdock.portal.channel.shopify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The published Shopify payloads in shared/fixtures/shopify (see SOURCES.md there). */
final class Fixtures {

    private Fixtures() {
    }

    static Path shopify() {
        String root = System.getProperty("crossdock.fixtures");
        if (root == null) {
            throw new IllegalStateException("the system property crossdock.fixtures is not set (surefire sets it)");
        }
        return Path.of(root, "shopify");
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(shopify().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(shopify().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
