package com.crossdock.portal.warehouse.sftp;

import java.time.Instant;

/**
 * A regular file in a remote folder, as listed by {@link SftpSession#list(String)}.
 *
 * @param name     the file's name, without its folder
 * @param size     its size in bytes
 * @param modified when it was last modified, as the server reports it ({@link Instant#EPOCH} when it does not)
 */
public record RemoteFile(String name, long size, Instant modified) {
}
