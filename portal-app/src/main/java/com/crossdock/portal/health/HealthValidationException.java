package com.crossdock.portal.health;

import java.util.Map;

/** An alert rule the person has to correct: a message per field. */
public class HealthValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public HealthValidationException(Map<String, String> fieldErrors) {
        super(String.join(" ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Field name to the sentence that says what to fix. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
