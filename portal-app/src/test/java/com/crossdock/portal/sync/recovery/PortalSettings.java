package com.crossdock.portal.sync.recovery;

import com.crossdock.portal.support.TestDatabases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a portal needs to run against a test database, as plain key-value pairs, so the same settings can
 * start a portal in this JVM and in a second one. They come from {@link TestDatabases#register}, the one place that
 * knows them; calling it creates (and empties) the test class's database, so call it once per test class.
 */
final class PortalSettings {

    private final Map<String, String> values;

    private PortalSettings(Map<String, String> values) {
        this.values = values;
    }

    /** A new, empty database for {@code testClass} on the shared test server, and the settings to reach it. */
    static PortalSettings forNewDatabaseOf(Class<?> testClass) {
        Map<String, String> values = new LinkedHashMap<>();
        TestDatabases.register((name, value) -> values.put(name, String.valueOf(value.get())), testClass);
        values.put("server.port", "0");
        return new PortalSettings(values);
    }

    /** These settings with {@code name} set to {@code value}. */
    PortalSettings with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        return new PortalSettings(changed);
    }

    String get(String name) {
        return values.get(name);
    }

    /** As Spring Boot command-line arguments, which take precedence over {@code application.properties}. */
    List<String> asArguments() {
        List<String> arguments = new ArrayList<>();
        values.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments;
    }
}
