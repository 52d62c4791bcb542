/** Screens of the sales-channel connections: the list with each store's webhook address, and connecting a store. */
@NullMarked
package com.crossdock.portal.channel.ui;

import org.jspecify.annotations.NullMarked;
