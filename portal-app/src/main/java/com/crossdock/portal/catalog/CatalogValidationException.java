package com.crossdock.portal.catalog;

import java.util.Map;

/** An item was refused; {@link #fieldErrors()} says what to fix, per field (packs and aliases by line). */
public class CatalogValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public CatalogValidationException(Map<String, String> fieldErrors) {
        super("The item was not saved: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
