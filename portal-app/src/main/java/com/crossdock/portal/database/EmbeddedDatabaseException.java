package com.crossdock.portal.database;

/** The embedded PostgreSQL could not start or stop; the message says what to do. */
public class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
