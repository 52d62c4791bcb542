package com.crossdock.portal.channel.shopify;

import com.crossdock.portal.support.SharedFixtures;
import java.nio.file.Path;

/** The published Shopify payloads in shared/fixtures/shopify (see SOURCES.md there). */
final class Fixtures {

    private static final String FOLDER = "shopify";

    private Fixtures() {
    }

    static Path shopify() {
        return SharedFixtures.of(FOLDER).directory();
    }

    static byte[] bytes(String name) {
        return SharedFixtures.of(FOLDER).bytes(name);
    }

    static String text(String name) {
        return SharedFixtures.of(FOLDER).text(name);
    }

}
