package com.crossdock.portal.provisioning;

/** Keycloak or its e-mail server did not do what was asked; the message is a sentence for people. */
public class ProvisioningException extends RuntimeException {

    ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }

    ProvisioningException(String message) {
        super(message);
    }
}
