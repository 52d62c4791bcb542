package com.crossdock.portal.warehouse;

import com.crossdock.portal.channel.ChannelMode;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A WMS connection as screens show it: never its password or key, only whether one is set. */
public record WmsConnectionView(UUID id, String name, ChannelMode mode, String host, int port, String username,
        boolean hasPassword, boolean hasPrivateKey, @Nullable String hostKey, String outboundDir, String inboundDir,
        String archiveDir, int pollSeconds, String senderQualifier, String senderId, String receiverQualifier,
        String receiverId, String x12Version, boolean production, long version, String ackPolicy, boolean expects997,
        int ackDeadlineMinutes, String sandboxShipping, int sandboxHoldMinutes) {
}
