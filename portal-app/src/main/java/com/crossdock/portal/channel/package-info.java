/**
 * Sales-channel connections of a tenant (Shopify first): the store, its pinned API version, sandbox or live, and
 * its credentials, encrypted at rest and never sent back to the browser; connectors live in subpackages.
 */
@NullMarked
package com.crossdock.portal.channel;

import org.jspecify.annotations.NullMarked;
