package com.crossdock.portal.warehouse.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sandbox warehouse's SFTP server: embedded, on 127.0.0.1, password sign-in only, each account jailed in its
 * own folder {@code <root>/<username>/} with {@code to-wms}, {@code from-wms} and {@code archive} in it. The
 * simulated warehouse works on those folders directly ({@link #rootOf(String)}).
 *
 * <p>It starts on the first {@link #account(String, String)} or {@link #port()}, so a portal without sandbox WMS
 * connections opens no port, and stops when the application shuts down. Its host key is made once and kept under
 * the root, so a pinned fingerprint survives restarts. Accounts live in memory: callers declare theirs with
 * {@link #account(String, String)} before use, after every restart too; the folders stay on disk.
 */
@Component
public class SandboxSftpServer implements AutoCloseable {

    /** The folders every account has. */
    public static final List<String> FOLDERS = List.of("to-wms", "from-wms", "archive");

    private static final Logger log = LoggerFactory.getLogger(SandboxSftpServer.class);
    private static final String HOST = "127.0.0.1";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private final WmsSandboxProperties properties;
    private final Path sandboxRoot;
    private final Map<String, byte[]> passwords = new ConcurrentHashMap<>();
    private final VirtualFileSystemFactory fileSystems = new VirtualFileSystemFactory();
    private @Nullable SshServer server;
    private @Nullable String hostKey;

    public SandboxSftpServer(WmsSandboxProperties properties) {
        this.properties = properties;
        this.sandboxRoot = properties.root().toAbsolutePath().normalize();
    }

    /**
     * Creates the account {@code username}, or sets its password if it exists, with its folders; starts the
     * server if it is not running.
     *
     * @param username letters, digits, {@code _}, {@code .} and {@code -}, not starting with a dot; at most 64
     */
    public synchronized SandboxSftpAccount account(String username, String password) {
        if (password.isEmpty()) {
            throw new IllegalArgumentException("A sandbox SFTP account needs a password");
        }
        Path root = rootOf(username);
        try {
            for (String folder : FOLDERS) {
                Files.createDirectories(root.resolve(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the sandbox SFTP folders in " + root, e);
        }
        fileSystems.setUserHomeDir(username, root);
        passwords.put(username, password.getBytes(StandardCharsets.UTF_8));
        int port = port();
        return new SandboxSftpAccount(HOST, port, username, root, hostKeyFingerprint());
    }

    /**
     * The folder on this machine that is {@code /} for {@code username} over SFTP.
     *
     * @throws IllegalArgumentException if {@code username} is not a plain folder name (see
     *                                  {@link #account(String, String)})
     */
    public Path rootOf(String username) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("A sandbox SFTP username is 1 to 64 letters, digits, _, . or -, "
                    + "not starting with a dot: " + username);
        }
        Path root = sandboxRoot.resolve(username).normalize();
        if (!sandboxRoot.equals(root.getParent())) {
            throw new IllegalArgumentException("Not a sandbox SFTP username: " + username);
        }
        return root;
    }

    /** The port the server listens on, starting it if needed. */
    public synchronized int port() {
        return started().getPort();
    }

    /** The fingerprint ({@code SHA256:...}) of the server's host key, starting the server if needed. */
    public synchronized String hostKeyFingerprint() {
        started();
        return Objects.requireNonNull(hostKey);
    }

    private SshServer started() {
        if (server != null) {
            return server;
        }
        try {
            Files.createDirectories(sandboxRoot);
            SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(
                    sandboxRoot.resolve(".host-key.pem"));
            keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            KeyPair hostKeyPair = keys.loadKeys(null).iterator().next();
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost(HOST);
            sshd.setPort(properties.port());
            sshd.setKeyPairProvider(keys);
            sshd.setPasswordAuthenticator((username, password, session) -> passwordMatches(username, password));
            sshd.setPublickeyAuthenticator(null);
            sshd.setKeyboardInteractiveAuthenticator(null);
            sshd.setFileSystemFactory(fileSystems);
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            sshd.start();
            hostKey = KeyUtils.getFingerPrint(hostKeyPair.getPublic());
            server = sshd;
            log.info("Sandbox WMS SFTP server listening on {}:{} (host key {}), accounts in {}", HOST,
                    sshd.getPort(), hostKey, sandboxRoot);
            return sshd;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the sandbox WMS SFTP server on " + HOST + ":"
                    + properties.port() + " with its files in " + properties.root() + ": " + e.getMessage()
                    + ". Check that the folder is writable and the port free (crossdock.wms-sandbox.*).", e);
        }
    }

    private boolean passwordMatches(String username, String password) {
        byte[] expected = passwords.get(username);
        return expected != null && MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8));
    }

    /** Stops the server if it runs; Spring calls this on shutdown. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.stop(true);
        } catch (IOException e) {
            log.warn("The sandbox WMS SFTP server did not stop cleanly", e);
        }
        server = null;
    }
}
