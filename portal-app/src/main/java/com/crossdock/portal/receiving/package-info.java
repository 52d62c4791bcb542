/**
 * Inbound shipments from a brand to its warehouse: what the brand sends (announced to the warehouse as a 943 by the
 * warehouse exchange), what the warehouse received (its 944s, each applied once) and the receiving discrepancies
 * (over, short, damaged, unexpected SKUs) people resolve with a root cause.
 */
@NullMarked
package com.crossdock.portal.receiving;

import org.jspecify.annotations.NullMarked;
