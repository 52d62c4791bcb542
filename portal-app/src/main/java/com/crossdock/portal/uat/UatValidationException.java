package com.crossdock.portal.uat;

/** A UAT request refused, with the field it is about and what to do. */
public class UatValidationException extends RuntimeException {

    private final String field;

    public UatValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field or control the message belongs to. */
    public String field() {
        return field;
    }
}
