/** Screens of the sync engine: orders with their holds and journeys, and the open exceptions to retry or resolve. */
@NullMarked
package com.crossdock.portal.sync.ui;

import org.jspecify.annotations.NullMarked;
