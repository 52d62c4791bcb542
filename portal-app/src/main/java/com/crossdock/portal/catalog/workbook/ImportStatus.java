package com.crossdock.portal.catalog.workbook;

/** Where an import stands. */
public enum ImportStatus {
    /** Read and checked; waiting for the person to commit or discard it. */
    STAGED,
    /** The file itself could not be read (not a workbook, too large, headers missing); nothing was staged. */
    REJECTED,
    COMMITTED,
    DISCARDED
}
