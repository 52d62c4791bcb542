package com.crossdock.portal.api;

import java.util.Map;

/** An API client was not created; {@link #fieldErrors()} says what to fix, per form field. */
public class ApiClientValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public ApiClientValidationException(Map<String, String> fieldErrors) {
        super("Not saved: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
