package com.crossdock.portal.warehouse.sftp;

import com.crossdock.portal.warehouse.sftp.SftpException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.common.SftpConstants;

/**
 * One signed-in SFTP connection, opened by {@link SftpTransport#open(SftpEndpoint)}; not for use by several threads
 * at once. Folders are paths on the server (relative ones start at the account's login folder); names are plain
 * file names. Every failure is an {@link SftpException}.
 */
public final class SftpSession implements AutoCloseable {

    private static final int MAX_SUFFIX = 999;
    private static final Comparator<RemoteFile> OLDEST_FIRST = Comparator.comparing(RemoteFile::modified)
            .thenComparing(RemoteFile::name);

    private final SftpEndpoint endpoint;
    private final ClientSession session;
    private final SftpClient sftp;
    private final String serverKeyFingerprint;

    SftpSession(SftpEndpoint endpoint, ClientSession session, SftpClient sftp, String serverKeyFingerprint) {
        this.endpoint = endpoint;
        this.session = session;
        this.sftp = sftp;
        this.serverKeyFingerprint = serverKeyFingerprint;
    }

    /** The fingerprint ({@code SHA256:...}) of the key the server presented, to pin it when none was. */
    public String serverKeyFingerprint() {
        return serverKeyFingerprint;
    }

    /**
     * The regular files in {@code dir}, oldest first (by modification time, then name). Names starting with a dot
     * are left out: they are hidden files and uploads still in progress ({@code .name.part}).
     */
    public List<RemoteFile> list(String dir) {
        List<RemoteFile> files = new ArrayList<>();
        try {
            for (DirEntry entry : sftp.readDir(dir)) {
                Attributes attributes = entry.getAttributes();
                if (!entry.getFilename().startsWith(".") && attributes.isRegularFile()) {
                    files.add(new RemoteFile(entry.getFilename(), attributes.getSize(), modified(attributes)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw Failures.of(endpoint, "list folder " + dir, e);
        }
        files.sort(OLDEST_FIRST);
        return files;
    }

    /** The whole content of {@code dir/name}. */
    public byte[] read(String dir, String name) {
        String path = join(dir, name);
        try (InputStream in = sftp.read(path)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw Failures.of(endpoint, "read " + path, e);
        }
    }

    /**
     * Writes {@code content} to {@code dir/.name.part}, then renames it to {@code name}, so a reader that skips dot
     * files never sees half a file. Fails with {@link Problem#ALREADY_EXISTS} if {@code name} exists already.
     */
    public void uploadAtomically(String dir, String name, byte[] content) {
        String target = join(dir, name);
        String part = join(dir, "." + name + ".part");
        if (exists(target)) {
            throw new SftpException(Problem.ALREADY_EXISTS, "Could not upload " + target + " to "
                    + Failures.address(endpoint) + ": a file of that name is already there, and nothing is "
                    + "overwritten.");
        }
        try (OutputStream out = sftp.write(part, OpenMode.Write, OpenMode.Create, OpenMode.Truncate)) {
            out.write(content);
        } catch (IOException | RuntimeException e) {
            removeQuietly(part);
            throw Failures.of(endpoint, "upload " + target, e);
        }
        try {
            sftp.rename(part, target);
        } catch (IOException | RuntimeException e) {
            removeQuietly(part);
            throw Failures.of(endpoint, "rename " + part + " to " + name, exists(target) ? taken(e) : e);
        }
    }

    /**
     * Moves {@code fromDir/name} into {@code toDir}. If {@code toDir} has a file of that name already, the moved
     * file gets a suffix ({@code 940-1.edi}, {@code 940-2.edi}, ...), so nothing is overwritten.
     *
     * @return the name the file has in {@code toDir}
     */
    public String moveTo(String fromDir, String name, String toDir) {
        String source = join(fromDir, name);
        for (int attempt = 0; attempt <= MAX_SUFFIX; attempt++) {
            String candidate = attempt == 0 ? name : suffixed(name, attempt);
            String target = join(toDir, candidate);
            if (exists(target)) {
                continue;
            }
            try {
                sftp.rename(source, target);
                return candidate;
            } catch (IOException | RuntimeException e) {
                if (!exists(target)) {
                    throw Failures.of(endpoint, "move " + source + " to " + toDir, e);
                }
                // another client took the name between the check and the rename: try the next one
            }
        }
        throw new SftpException(Problem.ALREADY_EXISTS, "Could not move " + source + " to " + toDir + " on "
                + Failures.address(endpoint) + ": " + name + " and its first " + MAX_SUFFIX
                + " numbered variants are all taken. Clear out the folder.");
    }

    /** Closes the SFTP channel and the connection. */
    @Override
    public void close() {
        try {
            sftp.close();
        } catch (IOException | RuntimeException ignored) {
            // closing the session below ends the channel too
        } finally {
            try {
                session.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing left to release on our side
            }
        }
    }

    private boolean exists(String path) {
        try {
            sftp.lstat(path);
            return true;
        } catch (org.apache.sshd.sftp.common.SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE
                    || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return false;
            }
            throw Failures.of(endpoint, "look up " + path, e);
        } catch (IOException | RuntimeException e) {
            throw Failures.of(endpoint, "look up " + path, e);
        }
    }

    private void removeQuietly(String path) {
        try {
            sftp.remove(path);
        } catch (IOException | RuntimeException ignored) {
            // the failure being reported matters more than a left-over hidden .part file
        }
    }

    /** The rename failed because the name was taken meanwhile; SFTP v3 servers only say "failure". */
    private static Throwable taken(Throwable cause) {
        FileAlreadyExistsException taken = new FileAlreadyExistsException(cause.getMessage());
        taken.initCause(cause);
        return taken;
    }

    private static Instant modified(Attributes attributes) {
        return attributes.getModifyTime() == null ? Instant.EPOCH : attributes.getModifyTime().toInstant();
    }

    static String suffixed(String name, int number) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "-" + number : name.substring(0, dot) + "-" + number + name.substring(dot);
    }

    static String join(String dir, String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("A file name has no slashes and is not . or ..: " + name);
        }
        if (dir.isEmpty() || dir.equals(".")) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    @Override
    public String toString() {
        return "SftpSession[" + endpoint + "]";
    }
}
