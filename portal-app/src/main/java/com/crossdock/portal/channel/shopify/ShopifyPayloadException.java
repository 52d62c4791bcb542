package com.crossdock.portal.channel.shopify;

import org.jspecify.annotations.Nullable;

/**
 * A Shopify payload could not be turned into Crossdock's records. The payload is quarantined with
 * {@link #reasonCode()} and the message, which names the JSON path at fault, so it can be fixed and replayed.
 */
public class ShopifyPayloadException extends RuntimeException {

    /** Why a payload was refused; stable names, stored with the quarantined payload. */
    public enum Reason {
        /** Not JSON at all, or JSON with a syntax error or a repeated key. */
        MALFORMED_JSON,
        /** A value of the wrong JSON type, e.g. an object where a quantity was expected. */
        WRONG_TYPE,
        /** A field Crossdock needs is absent or {@code null}. */
        MISSING_FIELD,
        /**
         * A value of the right JSON type that Crossdock cannot use: a negative or fractional quantity, a timestamp
         * that is not one, an id of another kind.
         */
        INVALID_VALUE,
        /** Shopify sent only part of a list (more line items than one page) and the rest is missing. */
        INCOMPLETE
    }

    private final Reason reasonCode;
    private final String path;

    ShopifyPayloadException(Reason reasonCode, String path, String detail) {
        this(reasonCode, path, detail, null);
    }

    ShopifyPayloadException(Reason reasonCode, String path, String detail, @Nullable Throwable cause) {
        super(reasonCode + " at " + path + ": " + detail, cause);
        this.reasonCode = reasonCode;
        this.path = path;
    }

    /** Why the payload was refused. */
    public Reason reasonCode() {
        return reasonCode;
    }

    /** The JSON path at fault, e.g. {@code $.line_items[1].quantity}; {@code $} is the payload's root. */
    public String path() {
        return path;
    }
}
