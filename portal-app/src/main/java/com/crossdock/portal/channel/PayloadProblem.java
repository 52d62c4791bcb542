package com.crossdock.portal.channel;

/** Why a channel's payload was refused; stable names, stored with the kept payload whatever the channel. */
public enum PayloadProblem {
    /** Not JSON at all, or JSON with a syntax error or a repeated key. */
    MALFORMED_JSON,
    /** A value of the wrong JSON type, e.g. an object where a quantity was expected. */
    WRONG_TYPE,
    /** A field Crossdock needs is absent or {@code null}. */
    MISSING_FIELD,
    /**
     * A value of the right JSON type that Crossdock cannot use: a negative or fractional quantity, a timestamp that
     * is not one, an id of another kind.
     */
    INVALID_VALUE,
    /** The channel sent only part of a list (more lines than one page) and the rest is missing. */
    INCOMPLETE
}
