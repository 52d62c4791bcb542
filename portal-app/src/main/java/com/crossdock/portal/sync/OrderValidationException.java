package com.crossdock.portal.sync;

import java.util.Map;

/** An order was refused; {@link #fieldErrors()} says what to fix, per field of {@link ManualOrderCommand}. */
public class OrderValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public OrderValidationException(Map<String, String> fieldErrors) {
        super("Not accepted: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
