/**
 * SFTP for the WMS connector: a transport that lists, reads, uploads atomically and archives files on a
 * warehouse's SFTP server with host-key pinning, and the embedded SFTP server that plays the warehouse in sandbox
 * mode, one isolated folder tree per account.
 */
@NullMarked
package com.crossdock.portal.warehouse.sftp;

import org.jspecify.annotations.NullMarked;
