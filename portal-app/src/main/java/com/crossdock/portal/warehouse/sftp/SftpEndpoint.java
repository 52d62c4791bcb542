package com.crossdock.portal.warehouse.sftp;

import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Where and as whom to connect over SFTP. At least one of {@code password} and {@code privateKeyPem} is set; with
 * both, the key is tried first. {@link #toString()} never shows the password or the key.
 *
 * @param host           the server's host name or address
 * @param port           its SSH port (usually 22)
 * @param username       the account to sign in as
 * @param password       the account's password, or null to sign in with the key only
 * @param privateKeyPem  a private key in OpenSSH ({@code BEGIN OPENSSH PRIVATE KEY}) or PEM text, without a
 *                       passphrase, or null to sign in with the password only
 * @param hostKey        the server key's fingerprint as {@code ssh-keygen -l} prints it ({@code SHA256:...}); any
 *                       other key is refused. Null accepts any key and reports the one seen
 *                       ({@link SftpSession#serverKeyFingerprint()}) so it can be pinned
 * @param connectTimeout how long reaching the host may take
 * @param authTimeout    how long the handshake and sign-in may take
 * @param ioTimeout      how long the server may take to answer one file operation
 */
public record SftpEndpoint(String host, int port, String username, @Nullable String password,
        @Nullable String privateKeyPem, @Nullable String hostKey, Duration connectTimeout, Duration authTimeout,
        Duration ioTimeout) {

    /** How long reaching the host may take, unless set. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long the handshake and sign-in may take, unless set. */
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(15);
    /** How long one file operation may wait for the server, unless set. */
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(30);

    private static final String SHA256 = "SHA256:";

    public SftpEndpoint {
        if (host.isBlank()) {
            throw new IllegalArgumentException("An SFTP endpoint needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("An SFTP port is between 1 and 65535, not " + port);
        }
        if (username.isBlank()) {
            throw new IllegalArgumentException("An SFTP endpoint needs a username");
        }
        password = blankToNull(password);
        privateKeyPem = blankToNull(privateKeyPem);
        if (password == null && privateKeyPem == null) {
            throw new IllegalArgumentException("An SFTP endpoint needs a password or a private key");
        }
        hostKey = fingerprint(hostKey);
        requirePositive(connectTimeout, "connect");
        requirePositive(authTimeout, "auth");
        requirePositive(ioTimeout, "IO");
    }

    /** An endpoint that signs in with a password, with the default timeouts and no pinned host key. */
    public static SftpEndpoint withPassword(String host, int port, String username, String password) {
        return new SftpEndpoint(host, port, username, password, null, null, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_AUTH_TIMEOUT, DEFAULT_IO_TIMEOUT);
    }

    /** An endpoint that signs in with a private key, with the default timeouts and no pinned host key. */
    public static SftpEndpoint withPrivateKey(String host, int port, String username, String privateKeyPem) {
        return new SftpEndpoint(host, port, username, null, privateKeyPem, null, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_AUTH_TIMEOUT, DEFAULT_IO_TIMEOUT);
    }

    /** This endpoint, accepting only the server key with {@code fingerprint} (null: any key). */
    public SftpEndpoint pinnedTo(@Nullable String fingerprint) {
        return new SftpEndpoint(host, port, username, password, privateKeyPem, fingerprint, connectTimeout,
                authTimeout, ioTimeout);
    }

    /** This endpoint with other timeouts. */
    public SftpEndpoint withTimeouts(Duration connect, Duration auth, Duration io) {
        return new SftpEndpoint(host, port, username, password, privateKeyPem, hostKey, connect, auth, io);
    }

    @Override
    public String toString() {
        return "SftpEndpoint[" + username + "@" + host + ":" + port
                + (password != null ? ", password" : "") + (privateKeyPem != null ? ", private key" : "")
                + ", hostKey=" + (hostKey != null ? hostKey : "any") + "]";
    }

    /**
     * The {@code SHA256:...} fingerprint in {@code value}, which may be a whole {@code ssh-keygen -l} line
     * ({@code 256 SHA256:... comment (ED25519)}); null when blank.
     */
    private static @Nullable String fingerprint(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(value.strip().split("\\s+"))
                .filter(token -> token.startsWith(SHA256) && token.length() > SHA256.length())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("A host key fingerprint starts with SHA256:, "
                        + "as ssh-keygen -l prints it; not " + value));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void requirePositive(Duration timeout, String what) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The " + what + " timeout must be positive, not " + timeout);
        }
    }
}
