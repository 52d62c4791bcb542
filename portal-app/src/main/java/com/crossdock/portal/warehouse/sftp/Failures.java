package com.crossdock.portal.warehouse.sftp;

import com.crossdock.portal.warehouse.sftp.SftpException.Problem;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.apache.sshd.sftp.common.SftpConstants;

/** Turns what SSHD throws into {@link SftpException}s whose message says what to check. */
final class Failures {

    private Failures() {
    }

    static SftpException connecting(SftpEndpoint endpoint, Throwable failure) {
        String reason = rootMessage(failure);
        if (has(failure, UnknownHostException.class) || has(failure, UnresolvedAddressException.class)) {
            reason = "the host name is unknown";
        } else if (has(failure, ConnectException.class)) {
            reason = "the connection was refused";
        } else if (has(failure, NoRouteToHostException.class)) {
            reason = "there is no route to the host";
        }
        return new SftpException(Problem.UNREACHABLE, "Could not reach the SFTP server " + address(endpoint)
                + " within " + endpoint.connectTimeout().toSeconds() + "s: " + reason
                + ". Check the host name and port, and that a firewall lets this portal through.", failure);
    }

    static SftpException signingIn(SftpEndpoint endpoint, HostKeyCheck check, Throwable failure) {
        if (check.refused()) {
            return new SftpException(Problem.HOST_KEY_CHANGED, "The SFTP server " + address(endpoint)
                    + " presented host key " + check.seen() + ", not the pinned " + check.expected()
                    + ". If the warehouse changed its server's key, confirm the new fingerprint with them and pin it; "
                    + "otherwise someone may be intercepting the connection.", failure);
        }
        if (check.seen() != null && rootMessage(failure).contains("authentication methods")) {
            return new SftpException(Problem.AUTHENTICATION_REFUSED, "The SFTP server " + address(endpoint)
                    + " refused to sign in " + endpoint.username() + " with the "
                    + (endpoint.password() != null && endpoint.privateKeyPem() != null ? "password and key"
                            : endpoint.password() != null ? "password" : "key")
                    + " given. Check the username and credentials with the warehouse.", failure);
        }
        return new SftpException(Problem.UNREACHABLE, "Connected to " + address(endpoint)
                + " but the SSH handshake and sign-in did not complete within " + endpoint.authTimeout().toSeconds()
                + "s: " + rootMessage(failure) + ". Check that this is the server's SSH port.", failure);
    }

    /** A failed file operation: {@code action} completes "Could not ..." (e.g. "list folder to-wms"). */
    static SftpException of(SftpEndpoint endpoint, String action, Throwable thrown) {
        // SSHD's directory iterator wraps the server's answer; report the answer itself
        Throwable failure = thrown instanceof UncheckedIOException unchecked ? unchecked.getCause() : thrown;
        String where = " on " + address(endpoint) + " as " + endpoint.username();
        return switch (problemOf(failure)) {
            case NOT_FOUND -> new SftpException(Problem.NOT_FOUND, "Could not " + action + where
                    + ": it does not exist. Check the folder names configured for this connection.", failure);
            case PERMISSION_DENIED -> new SftpException(Problem.PERMISSION_DENIED, "Could not " + action + where
                    + ": permission denied. Ask the warehouse to give this account access.", failure);
            case ALREADY_EXISTS -> new SftpException(Problem.ALREADY_EXISTS, "Could not " + action + where
                    + ": the name is already taken, and nothing is overwritten.", failure);
            default -> new SftpException(Problem.FAILED, "Could not " + action + where + ": "
                    + rootMessage(failure) + ".", failure);
        };
    }

    private static Problem problemOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.apache.sshd.sftp.common.SftpException sftp) {
                return switch (sftp.getStatus()) {
                    case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH -> Problem.NOT_FOUND;
                    case SftpConstants.SSH_FX_PERMISSION_DENIED, SftpConstants.SSH_FX_WRITE_PROTECT ->
                            Problem.PERMISSION_DENIED;
                    case SftpConstants.SSH_FX_FILE_ALREADY_EXISTS -> Problem.ALREADY_EXISTS;
                    default -> Problem.FAILED;
                };
            }
            if (t instanceof NoSuchFileException) {
                return Problem.NOT_FOUND;
            }
            if (t instanceof AccessDeniedException) {
                return Problem.PERMISSION_DENIED;
            }
            if (t instanceof FileAlreadyExistsException) {
                return Problem.ALREADY_EXISTS;
            }
        }
        return Problem.FAILED;
    }

    static String address(SftpEndpoint endpoint) {
        return endpoint.host() + ":" + endpoint.port();
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
