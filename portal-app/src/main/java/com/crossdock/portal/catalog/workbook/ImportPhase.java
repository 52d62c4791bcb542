package com.crossdock.portal.catalog.workbook;

/** The steps of an import, in order, for a progress bar. */
public enum ImportPhase {
    UPLOAD("Keeping the file"), PARSE("Reading rows"), VALIDATE("Checking rows"), COMMIT("Writing the catalog"),
    DONE("Done");

    private final String label;

    ImportPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
