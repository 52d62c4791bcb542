package com.crossdock.portal.channel;

import java.util.Map;

/** A connection that cannot be saved, with a message per field. */
public class ChannelValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public ChannelValidationException(Map<String, String> fieldErrors) {
        super("The connection was not saved: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
