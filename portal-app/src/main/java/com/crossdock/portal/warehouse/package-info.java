/**
 * The warehouse edge: X12 documents exchanged with a WMS, translated to and from the portal's own records, and the
 * sandbox warehouse that answers them on disk.
 */
@NullMarked
package com.crossdock.portal.warehouse;

import org.jspecify.annotations.NullMarked;
