package com.crossdock.portal.catalog.workbook;

/** How an import with problems is committed. */
public enum CommitMode {
    /** Nothing is written unless every row can be taken. */
    ALL_OR_NOTHING,
    /** Items and bundles without problems are written; every item or bundle with a problem row is held back whole. */
    VALID_ROWS
}
