package com.crossdock.portal.warehouse.sftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSHD server for the transport's tests: user {@code warehouse} signs in with {@code secret} or with any
 * key in {@link #authorizedKeys}; its files are {@code home} on disk; {@code locked} refuses to be opened; every
 * rename is recorded with the source's bytes at that moment.
 */
final class TestSftpServer implements AutoCloseable {

    static final String USER = "warehouse";
    static final String PASSWORD = "secret";

    final Path home;
    final KeyPair hostKey;
    final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();
    final List<Rename> renames = new CopyOnWriteArrayList<>();
    private final SshServer server;

    record Rename(String from, String to, byte[] contentAtRename, boolean targetExisted) {
    }

    TestSftpServer(Path home) throws Exception {
        this.home = home;
        this.hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new Recorder());
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && authorizedKeys.stream().anyMatch(authorized -> KeyUtils.compareKeys(authorized, key)));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setFileSystemFactory(new VirtualFileSystemFactory(home));
        server.setSubsystemFactories(List.of(sftp));
        server.start();
    }

    int port() {
        return server.getPort();
    }

    String fingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    SftpEndpoint passwordEndpoint() {
        return SftpEndpoint.withPassword("127.0.0.1", port(), USER, PASSWORD);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private final class Recorder implements SftpEventListener {

        @Override
        public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
            if (localHandle.getFile().toString().contains("locked")) {
                throw new AccessDeniedException(localHandle.getFile().toString());
            }
        }

        @Override
        public void moving(ServerSession session, Path source, Path target, Collection<CopyOption> options)
                throws IOException {
            renames.add(new Rename(source.getFileName().toString(), target.getFileName().toString(),
                    Files.readAllBytes(source), Files.exists(target)));
        }
    }
}
