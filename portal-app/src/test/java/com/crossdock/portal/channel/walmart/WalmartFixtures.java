package com.crossdock.portal.channel.walmart;

import com.crossdock.portal.support.SharedFixtures;
import java.nio.file.Path;
import java.util.List;

/** Walmart's published Marketplace payloads in shared/fixtures/walmart (see SOURCES.md there). */
final class WalmartFixtures {

    private static final String FOLDER = "walmart";

    private WalmartFixtures() {
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

}
