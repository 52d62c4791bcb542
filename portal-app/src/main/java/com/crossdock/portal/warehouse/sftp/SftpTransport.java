package com.crossdock.portal.warehouse.sftp;

import com.crossdock.portal.warehouse.sftp.SftpException.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.springframework.stereotype.Component;

/**
 * Opens SFTP sessions to warehouses' servers. One SSH client serves every connection; it starts with the
 * application and stops when it shuts down. Use a session for one batch of work and close it:
 * {@code try (SftpSession s = transport.open(endpoint)) { ... }}. Every failure is an {@link SftpException}.
 * Spring calls {@link #close()} on shutdown, as it does for every {@link AutoCloseable} bean.
 */
@Component
public class SftpTransport implements AutoCloseable {

    private final SshClient client;

    public SftpTransport() {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(HostKeyCheck.verifier());
        // no ~/.ssh lookups: an endpoint brings its own identities and its own pinned key
        client.setKeyIdentityProvider(session -> List.of());
        client.start();
    }

    /** Connects, checks the server's key, signs in and starts SFTP. */
    public SftpSession open(SftpEndpoint endpoint) {
        List<KeyPair> keys = keysOf(endpoint);
        HostKeyCheck check = new HostKeyCheck(endpoint.hostKey());
        ClientSession session = connect(endpoint, check);
        try {
            CoreModuleProperties.IDLE_TIMEOUT.set(session, endpoint.ioTimeout());
            SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(session, endpoint.ioTimeout());
            keys.forEach(session::addPublicKeyIdentity);
            if (endpoint.password() != null) {
                session.addPasswordIdentity(endpoint.password());
            }
            session.auth().verify(endpoint.authTimeout());
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw Failures.signingIn(endpoint, check, e);
        }
        try {
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            return new SftpSession(endpoint, session, sftp, String.valueOf(check.seen()));
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw Failures.of(endpoint, "start SFTP", e);
        }
    }

    private ClientSession connect(SftpEndpoint endpoint, HostKeyCheck check) {
        try {
            return client.connect(endpoint.username(), endpoint.host(), endpoint.port(),
                    check.asConnectionContext(), null).verify(endpoint.connectTimeout()).getSession();
        } catch (IOException | RuntimeException e) {
            throw Failures.connecting(endpoint, e);
        }
    }

    private static List<KeyPair> keysOf(SftpEndpoint endpoint) {
        String pem = endpoint.privateKeyPem();
        if (pem == null) {
            return List.of();
        }
        List<KeyPair> keys = new ArrayList<>();
        try {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("private key"),
                    new ByteArrayInputStream(pem.strip().concat("\n").getBytes(StandardCharsets.UTF_8)),
                    FilePasswordProvider.EMPTY);
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new SftpException(Problem.BAD_KEY, "The private key for " + endpoint.username() + "@"
                    + endpoint.host() + " could not be read (" + e.getMessage() + "). Paste the whole key, "
                    + "BEGIN and END lines included, without a passphrase.", e);
        }
        if (keys.isEmpty()) {
            throw new SftpException(Problem.BAD_KEY, "No private key was found in the key text for "
                    + endpoint.username() + "@" + endpoint.host() + ". Paste the whole key, BEGIN and END lines "
                    + "included.");
        }
        return keys;
    }

    private static void closeQuietly(ClientSession session) {
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // the failure that brought us here is the one to report
        }
    }

    /** Stops the SSH client; open sessions are closed. */
    @Override
    public void close() {
        client.stop();
    }
}
