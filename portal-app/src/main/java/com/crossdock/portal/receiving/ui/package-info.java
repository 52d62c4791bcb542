/** The Receiving view: inbound shipments, their progress and the receiving discrepancies. */
@NullMarked
package com.crossdock.portal.receiving.ui;

import org.jspecify.annotations.NullMarked;
