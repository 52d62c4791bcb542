package com.crossdock.portal.warehouse.sftp;

/**
 * Any failure of an SFTP connection or file operation, with a sentence a person can act on and the underlying
 * cause kept. {@link #problem()} tells callers what went wrong without parsing the message (e.g. whether a retry
 * could help).
 */
public class SftpException extends RuntimeException {

    /** What went wrong, coarsely. */
    public enum Problem {
        /** The host did not answer, refused the connection, or the SSH handshake did not complete. */
        UNREACHABLE,
        /** The server refused the username with the password or key given. */
        AUTHENTICATION_REFUSED,
        /** The server presented a key other than the pinned one. */
        HOST_KEY_CHANGED,
        /** The folder or file does not exist. */
        NOT_FOUND,
        /** The server does not allow the operation for this account. */
        PERMISSION_DENIED,
        /** The target name is taken and would have been overwritten. */
        ALREADY_EXISTS,
        /** The private key given could not be read. */
        BAD_KEY,
        /** Anything else: the connection broke, the server answered with an error, a timeout. */
        FAILED
    }

    private final Problem problem;

    SftpException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    SftpException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    /** What went wrong. */
    public Problem problem() {
        return problem;
    }
}
