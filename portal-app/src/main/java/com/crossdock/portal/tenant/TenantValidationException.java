package com.crossdock.portal.tenant;

import java.util.Map;

/** A tenant command was refused; {@link #fieldErrors()} says what to fix, per form field. */
public class TenantValidationException extends RuntimeException {

    /** Form field names: {@code name}, {@code code}, {@code status}, {@code accountManager}, {@code accentColor}. */
    private final Map<String, String> fieldErrors;

    public TenantValidationException(Map<String, String> fieldErrors) {
        super("The tenant was not saved: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
