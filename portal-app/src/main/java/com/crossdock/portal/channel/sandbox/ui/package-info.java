/** Screens of the Shopify sandbox: controls shown on a sandbox connection's card. */
@NullMarked
package com.crossdock.portal.channel.sandbox.ui;

import org.jspecify.annotations.NullMarked;
