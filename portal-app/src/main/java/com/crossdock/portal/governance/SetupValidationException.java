package com.crossdock.portal.governance;

import java.util.Map;

/** A setup change was refused; {@link #fieldErrors()} says what to fix, per form field. */
public class SetupValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public SetupValidationException(Map<String, String> fieldErrors) {
        super("Not saved: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
