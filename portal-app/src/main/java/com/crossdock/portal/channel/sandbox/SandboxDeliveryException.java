package com.crossdock.portal.channel.sandbox;

/**
 * A webhook of the sandbox could not be delivered to the portal at all (no connection, no answer). The orders
 * created before it stay in the sandbox shop and can still be polled; the webhooks not yet sent are not sent.
 */
public class SandboxDeliveryException extends RuntimeException {

    SandboxDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
