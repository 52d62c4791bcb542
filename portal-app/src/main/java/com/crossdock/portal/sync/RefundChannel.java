package com.crossdock.portal.sync;

import com.crossdock.tenantconfig.tenant.TenantId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What differs per channel in the returns write-back: how one RMA's refund is told to the channel. The loop around
 * it (the outbox of {@code return_signal}, POSTING before the call, the idempotency key, refusal → exception,
 * unavailable → the next run) is {@link ReturnWriteback}'s, the same for every channel.
 */
interface RefundChannel {

    /** The channel whose connections this serves ({@code SHOPIFY}, {@code WALMART}). */
    String channel();

    /** The channel's name for people. */
    String label();

    /** Where a person checks a refused refund: "Shopify", "Seller Center". */
    String where();

    /** Opens the connection for one run's refunds (a client, a location looked up once). */
    Session open(TenantId tenant, UUID connectionId, List<Signal> due);

    /** One run's connection to the channel. */
    interface Session {

        /**
         * Tells the channel the signal's refund; answers the channel's reference of the refund.
         *
         * @throws Refused     when the channel refused this refund (others may still go)
         * @throws Unavailable when the channel did not answer; the signal goes again next run with its key
         */
        String post(Signal signal);
    }

    /**
     * An RMA's refund waiting in the outbox.
     *
     * @param posting whether a run marked it POSTING before and never heard back: the channel may have it already
     */
    record Signal(UUID id, UUID rmaId, String rmaNumber, @Nullable UUID orderId, String channelOrderId,
            List<ReturnSignals.Line> lines, boolean posting) {

        public Signal {
            lines = List.copyOf(lines);
        }

        /** The same for every attempt of one RMA's refund, so the channel refunds once. */
        String idempotencyKey() {
            return "crossdock-rma-" + rmaId;
        }
    }

    /** The channel refused one refund; the reasons are the channel's own words. */
    final class Refused extends RuntimeException {

        Refused(String reasons) {
            super(reasons);
        }
    }

    /** The channel did not answer (or not usefully); nothing is known of the refund. */
    final class Unavailable extends RuntimeException {

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
