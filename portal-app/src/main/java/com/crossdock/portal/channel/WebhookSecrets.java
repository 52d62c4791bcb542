package com.crossdock.portal.channel;

import java.util.List;

/** The secrets a connection's webhooks may be signed with: the current one, and the previous during rotation. */
public record WebhookSecrets(List<String> secrets) {

    public WebhookSecrets {
        secrets = List.copyOf(secrets);
    }
}
