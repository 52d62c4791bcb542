package com.crossdock.tenantconfig.uat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The built-in scenario templates, read from the JSON resources next to this class ({@code templates/<key>.json}),
 * in the order people meet the cases.
 */
public final class ScenarioLibrary {

    /** The keys of the built-in templates, in library order. */
    public static final List<String> KEYS = List.of("multi-line-order", "split-shipment", "fba-prep",
            "partial-receipt", "return-inspection-hold", "shipping-method-override", "unknown-sku",
            "duplicate-webhook", "virtual-bundle", "cancel-after-release", "missing-prep", "incomplete-address",
            "inventory-drift");

    private static final List<ScenarioTemplate> TEMPLATES = KEYS.stream().map(ScenarioLibrary::load).toList();

    private ScenarioLibrary() {
    }

    /** Every built-in template, in library order. */
    public static List<ScenarioTemplate> templates() {
        return TEMPLATES;
    }

    /** The built-in template of that key. */
    public static Optional<ScenarioTemplate> template(String key) {
        return TEMPLATES.stream().filter(template -> template.key().equals(key)).findFirst();
    }

    /** The JSON of a built-in template as shipped. */
    public static String source(String key) {
        String resource = "templates/" + key + ".json";
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No UAT template resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScenarioTemplate load(String key) {
        ScenarioTemplate template = ScenarioFormat.read(source(key));
        if (!template.key().equals(key)) {
            throw new IllegalStateException("Template " + key + ".json declares key " + template.key());
        }
        return template;
    }
}
