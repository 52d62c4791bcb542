package com.crossdock.portal.catalog;

import java.util.UUID;

/** The item named in a call does not exist in the tenant (or belongs to another one). */
public class NoSuchItemException extends RuntimeException {

    public NoSuchItemException(UUID id) {
        super("There is no item " + id + " in this catalog");
    }
}
