package com.crossdock.portal.channel.amazon;

/** Amazon did not answer, or refused a call in a way retrying does not fix; the message says which and why. */
public class SpApiException extends RuntimeException {

    private final int status;

    public SpApiException(String message) {
        this(message, 0);
    }

    public SpApiException(String message, int status) {
        super(message);
        this.status = status;
    }

    public SpApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status Amazon answered with, or 0 when it did not answer at all. */
    public int status() {
        return status;
    }
}
