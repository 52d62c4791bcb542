package com.crossdock.portal.catalog.workbook;

/** An import that cannot be committed as asked, with what to do instead. */
public class ImportRefusedException extends RuntimeException {

    public ImportRefusedException(String message) {
        super(message);
    }

    public ImportRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
