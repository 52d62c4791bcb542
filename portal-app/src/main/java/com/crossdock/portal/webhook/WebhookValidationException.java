package com.crossdock.portal.webhook;

import java.util.Map;

/** A subscription was not made; {@link #fieldErrors()} says what to fix, per form field. */
public class WebhookValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public WebhookValidationException(Map<String, String> fieldErrors) {
        super("Not saved: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
