package com.crossdock.portal.warehouse;

import java.util.Map;

/** A WMS connection or account was refused; {@link #fieldErrors()} says what to fix, per form field. */
public class WmsValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public WmsValidationException(Map<String, String> fieldErrors) {
        super("Not saved: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
