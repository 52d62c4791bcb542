package com.crossdock.portal.channel.walmart;

/** Walmart did not answer, or refused a call in a way retrying does not fix; the message says which and why. */
public class WalmartApiException extends RuntimeException {

    private final int status;

    public WalmartApiException(String message, int status) {
        super(message);
        this.status = status;
    }

    public WalmartApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status Walmart answered with, or 0 when it did not answer at all. */
    public int status() {
        return status;
    }

    /** Whether Walmart refused this one request (4xx other than 401/429), so other requests may still go. */
    public boolean refused() {
        return status >= 400 && status < 500 && status != 401 && status != 429;
    }
}
