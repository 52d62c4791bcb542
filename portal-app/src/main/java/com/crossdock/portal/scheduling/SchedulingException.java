package com.crossdock.portal.scheduling;

/** The scheduler refused a change; the message names the job and tenant. */
public class SchedulingException extends RuntimeException {

    public SchedulingException(String message, Throwable cause) {
        super(message, cause);
    }
}
