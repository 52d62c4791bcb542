package com.crossdock.portal.channel;

import org.jspecify.annotations.Nullable;

/**
 * A channel's payload could not be turned into Crossdock's records. It is kept as an exception with
 * {@link #reasonCode()} and the message, which names the JSON path at fault, together with the raw JSON, so it can be
 * fixed and replayed. Each connector throws its own subclass.
 */
public abstract class ChannelPayloadException extends RuntimeException {

    private final PayloadProblem reasonCode;
    private final String path;

    protected ChannelPayloadException(PayloadProblem reasonCode, String path, String detail,
            @Nullable Throwable cause) {
        super(reasonCode + " at " + path + ": " + detail, cause);
        this.reasonCode = reasonCode;
        this.path = path;
    }

    public PayloadProblem reasonCode() {
        return reasonCode;
    }

    /** The JSON path at fault, e.g. {@code $.line_items[2].quantity}. */
    public String path() {
        return path;
    }
}
