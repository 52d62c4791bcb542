package com.crossdock.portal.sync;

/** Switching a flow live (or changing the go-live scope) was refused; the message says why and what to do. */
public class GoLiveRefusedException extends RuntimeException {

    public GoLiveRefusedException(String message) {
        super(message);
    }
}
