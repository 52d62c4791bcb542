package com.crossdock.portal.channel.amazon;

import com.crossdock.portal.support.SharedFixtures;
import java.nio.file.Path;
import java.util.List;

/** The published SP-API payloads in shared/fixtures/amazon-sp-api (see SOURCES.md there). */
final class AmazonFixtures {

    private static final String FOLDER = "amazon-sp-api";

    private AmazonFixtures() {
    }

    static Path directory() {
        return SharedFixtures.of(FOLDER).directory();
    }

    static List<String> names() {
        return SharedFixtures.of(FOLDER).names();
    }

    static byte[] bytes(String name) {
        return SharedFixtures.of(FOLDER).bytes(name);
    }

    static String text(String name) {
        return SharedFixtures.of(FOLDER).text(name);
    }

}
