package com.crossdock.portal.channel.amazon;

import org.jspecify.annotations.Nullable;

/**
 * An Amazon payload could not be turned into Crossdock's records. It is kept as an exception with
 * {@link #reasonCode()} and the message, which names the JSON path at fault, together with the raw JSON.
 */
public class AmazonPayloadException extends RuntimeException {

    /** Why a payload was refused; stable names, stored with the kept payload. */
    public enum Reason {
        /** Not JSON at all, or JSON with a syntax error or a repeated key. */
        MALFORMED_JSON,
        /** A value of the wrong JSON type, e.g. a string where a list of orders was expected. */
        WRONG_TYPE,
        /** A field Crossdock needs is absent or {@code null}. */
        MISSING_FIELD,
        /** A value of the right type that Crossdock cannot use: a negative quantity, a date that is not one. */
        INVALID_VALUE
    }

    private final Reason reasonCode;
    private final String path;

    AmazonPayloadException(Reason reasonCode, String path, String detail) {
        this(reasonCode, path, detail, null);
    }

    AmazonPayloadException(Reason reasonCode, String path, String detail, @Nullable Throwable cause) {
        super(reasonCode + " at " + path + ": " + detail, cause);
        this.reasonCode = reasonCode;
        this.path = path;
    }

    public Reason reasonCode() {
        return reasonCode;
    }

    /** The JSON path at fault, e.g. {@code $.items[0].QuantityOrdered}. */
    public String path() {
        return path;
    }
}
