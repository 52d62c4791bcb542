package com.crossdock.portal.warehouse.sftp;

import java.nio.file.Path;

/**
 * An account on the sandbox warehouse's SFTP server ({@link SandboxSftpServer#account(String, String)}).
 *
 * @param host           where the server listens (127.0.0.1)
 * @param port           its port
 * @param username       the account's name, also the name of its folder
 * @param root           the account's folder on this machine, with {@code to-wms}, {@code from-wms} and
 *                       {@code archive} in it; over SFTP it is {@code /}
 * @param hostKey        the fingerprint of the server's key, to pin it
 */
public record SandboxSftpAccount(String host, int port, String username, Path root, String hostKey) {

    /** How to reach this account with {@link SftpTransport}, signing in with {@code password}, key pinned. */
    public SftpEndpoint endpoint(String password) {
        return SftpEndpoint.withPassword(host, port, username, password).pinnedTo(hostKey);
    }
}
