package com.crossdock.portal.channel;

import java.util.UUID;

/** A connection that does not exist for the tenant asked about (or belongs to another tenant). */
public class NoSuchConnectionException extends RuntimeException {

    public NoSuchConnectionException(UUID id) {
        super("There is no such channel connection: " + id);
    }
}
