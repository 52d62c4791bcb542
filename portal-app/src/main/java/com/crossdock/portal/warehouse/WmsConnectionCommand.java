package com.crossdock.portal.warehouse;

import com.crossdock.portal.channel.ChannelMode;
import org.jspecify.annotations.Nullable;

/**
 * What a platform admin enters to connect a warehouse's WMS. In sandbox mode host, port, user and folders are the
 * portal's own sandbox SFTP server's and are filled in; the X12 identities still matter.
 *
 * @param password      the SFTP password, or {@code null} to keep the stored one (or none, with a key)
 * @param privateKey    an OpenSSH or PEM private key, or {@code null} to keep the stored one (or none)
 * @param hostKey       the server's key fingerprint ({@code SHA256:...}) to pin, or {@code null} to trust on first use
 * @param outboundDir   where the portal drops its documents for the WMS
 * @param inboundDir    where the WMS leaves its documents for the portal
 * @param archiveDir    where read inbound files are moved
 * @param x12Version    {@code 004010} or {@code 005010}
 */
public record WmsConnectionCommand(String name, ChannelMode mode, String host, int port, String username,
        @Nullable String password, @Nullable String privateKey, @Nullable String hostKey, String outboundDir,
        String inboundDir, String archiveDir, int pollSeconds, String senderQualifier, String senderId,
        String receiverQualifier, String receiverId, String x12Version, boolean production) {

    @Override
    public String toString() {
        return "WmsConnectionCommand[" + name + ", " + mode + ", " + username + "@" + host + ":" + port + "]";
    }
}
