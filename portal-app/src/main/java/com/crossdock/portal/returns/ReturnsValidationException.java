package com.crossdock.portal.returns;

import java.util.Map;

/** An RMA, a scan or a disposition was refused; {@link #fieldErrors()} says what to fix, per field. */
public class ReturnsValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public ReturnsValidationException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    ReturnsValidationException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
