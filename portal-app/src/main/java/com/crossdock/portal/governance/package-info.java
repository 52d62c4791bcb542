/**
 * Rules and ownership of a tenant: the source-of-truth matrix, the ship-method mappings and the configuration
 * version every change raises.
 */
@NullMarked
package com.crossdock.portal.governance;

import org.jspecify.annotations.NullMarked;
