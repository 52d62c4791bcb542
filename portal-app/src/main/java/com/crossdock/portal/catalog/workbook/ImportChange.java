package com.crossdock.portal.catalog.workbook;

/** What committing an import would do to one item or bundle. */
public enum ImportChange {
    NEW("New"), CHANGED("Changed"), UNCHANGED("Unchanged"), INVALID("Invalid");

    private final String label;

    ImportChange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
