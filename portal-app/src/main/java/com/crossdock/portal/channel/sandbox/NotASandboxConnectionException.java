package com.crossdock.portal.channel.sandbox;

/**
 * The sandbox was asked to serve a live connection. Refused, so that generated orders and injected faults can never
 * reach a real store or be mistaken for its traffic.
 */
public class NotASandboxConnectionException extends RuntimeException {

    NotASandboxConnectionException(String connectionName) {
        super("“" + connectionName + "” is a live connection. Crossdock's sandboxes only serve connections in "
                + "sandbox mode, so nothing was generated or changed.");
    }
}
