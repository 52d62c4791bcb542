package com.crossdock.portal.warehouse.sftp;

import java.net.SocketAddress;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.jspecify.annotations.Nullable;

/**
 * One connection's host-key decision: the fingerprint it expects (if pinned) and the one the server presented. It
 * rides in the connection context, so the client-wide verifier knows what each connection expects before the key
 * exchange starts.
 */
final class HostKeyCheck {

    private static final AttributeKey<HostKeyCheck> KEY = new AttributeKey<>();

    private final @Nullable String expected;
    private volatile @Nullable String seen;

    HostKeyCheck(@Nullable String expected) {
        this.expected = expected;
    }

    AttributeRepository asConnectionContext() {
        return AttributeRepository.ofKeyValuePair(KEY, this);
    }

    @Nullable String expected() {
        return expected;
    }

    @Nullable String seen() {
        return seen;
    }

    /** Whether the server presented a key and it was not the pinned one. */
    boolean refused() {
        String presented = seen;
        return expected != null && presented != null && !expected.equals(presented);
    }

    private boolean accept(PublicKey serverKey) {
        seen = KeyUtils.getFingerPrint(serverKey);
        return !refused();
    }

    /** The client's verifier: asks the connection's own check; a connection without one is refused. */
    static ServerKeyVerifier verifier() {
        return (ClientSession session, SocketAddress address, PublicKey key) -> {
            AttributeRepository context = session.getConnectionContext();
            HostKeyCheck check = context == null ? null : context.getAttribute(KEY);
            return check != null && check.accept(key);
        };
    }
}
