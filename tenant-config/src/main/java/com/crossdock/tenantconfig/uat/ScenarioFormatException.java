package com.crossdock.tenantconfig.uat;

import org.jspecify.annotations.Nullable;

/**
 * A scenario that cannot be read or does not make sense, with where: the step (1-based, null for the scenario
 * itself) and the field.
 */
public class ScenarioFormatException extends RuntimeException {

    private final @Nullable Integer step;
    private final String field;

    public ScenarioFormatException(@Nullable Integer step, String field, String problem) {
        super((step == null ? "" : "Step " + step + ", ") + "field \"" + field + "\": " + problem);
        this.step = step;
        this.field = field;
    }

    /** The step it is about (1-based), or null when it is about the scenario as a whole. */
    public @Nullable Integer step() {
        return step;
    }

    /** The field it is about. */
    public String field() {
        return field;
    }
}
