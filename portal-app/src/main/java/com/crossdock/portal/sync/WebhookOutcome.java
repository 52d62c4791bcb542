package com.crossdock.portal.sync;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of an inbound webhook: kept for processing, a repeat, or refused. {@code inboxId} is the entry being
 * processed: the new one, or for a repeat the kept entry that was not processed yet (empty when it was).
 */
public record WebhookOutcome(Kind kind, @Nullable UUID inboxId) {

    public enum Kind {
        /** Stored in the inbox; processing follows. */
        ACCEPTED,
        /** The same webhook id was received before; its processing starts again if it never finished. */
        DUPLICATE,
        /** The signature did not verify with any of the connection's secrets; recorded as a security event. */
        BAD_SIGNATURE,
        /** No such connection for that tenant. */
        UNKNOWN_CONNECTION
    }
}
