package com.crossdock.portal.receiving;

import java.util.Map;

/** An inbound shipment or a resolution was refused; {@link #fieldErrors()} says what to fix, per form field. */
public class ReceivingValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public ReceivingValidationException(Map<String, String> fieldErrors) {
        super("Not saved: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
