package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's go-live: which flows of its connections send for real, the SKUs in scope, and whether going live is
 * allowed now.
 *
 * @param flows       every flow of every connection with its state
 * @param skus        the master SKUs in the go-live scope; empty means every SKU
 * @param notReady    the readiness items that do not pass (each "label: reason"); going live needs none, or a
 *                    platform admin's override with a reason
 */
public record GoLiveState(List<Entry> flows, List<String> skus, List<String> notReady) {

    public GoLiveState {
        flows = List.copyOf(flows);
        skus = List.copyOf(skus);
        notReady = List.copyOf(notReady);
    }

    /**
     * One flow of a connection.
     *
     * @param live           whether it sends for real (a sandbox connection's flows always do)
     * @param switchedBy     who switched it last, if anyone
     * @param overrideReason the platform admin's reason when it went live with readiness items failing
     */
    public record Entry(UUID connectionId, String connectionName, ChannelMode mode, Flow flow, boolean live,
            @Nullable String switchedBy, @Nullable Instant switchedAt, @Nullable String overrideReason) {
    }

    /** A shadow run's difference: what would be sent for a subject, and what the channel shows. */
    public record Difference(UUID connectionId, Flow flow, String subject, String wouldSend, String channelShows,
            Instant recordedAt) {
    }

    /** Whether people may switch flows live now without an override. */
    public boolean ready() {
        return notReady.isEmpty();
    }
}
