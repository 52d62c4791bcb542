/**
 * What happened to a brand's orders, exceptions and receipts that its own systems may want to hear of: a plain
 * event that features publish inside the transaction of the work, so a listener's writes commit with it.
 */
@NullMarked
package com.crossdock.portal.events;

import org.jspecify.annotations.NullMarked;
