package com.crossdock.portal.channel.walmart;

import org.jspecify.annotations.Nullable;

/**
 * A Walmart payload could not be turned into Crossdock's records. It is kept as an exception with
 * {@link #reasonCode()} and the message, which names the JSON path at fault, together with the raw JSON.
 */
public class WalmartPayloadException extends RuntimeException {

    /** Why a payload was refused; stable names, stored with the kept payload. */
    public enum Reason {
        /** Not JSON at all, or JSON with a syntax error or a repeated key. */
        MALFORMED_JSON,
        /** A value of the wrong JSON type, e.g. text where a list of order lines was expected. */
        WRONG_TYPE,
        /** A field Crossdock needs is absent or {@code null}. */
        MISSING_FIELD,
        /** A value of the right type that Crossdock cannot use: a negative quantity, a fractional unit. */
        INVALID_VALUE
    }

    private final Reason reasonCode;
    private final String path;

    WalmartPayloadException(Reason reasonCode, String path, String detail) {
        this(reasonCode, path, detail, null);
    }

    WalmartPayloadException(Reason reasonCode, String path, String detail, @Nullable Throwable cause) {
        super(reasonCode + " at " + path + ": " + detail, cause);
        this.reasonCode = reasonCode;
        this.path = path;
    }

    public Reason reasonCode() {
        return reasonCode;
    }

    /** The JSON path at fault, e.g. {@code $.orderLines.orderLine[0].orderLineQuantity.amount}. */
    public String path() {
        return path;
    }
}
