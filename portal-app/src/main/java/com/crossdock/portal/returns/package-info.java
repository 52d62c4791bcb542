/**
 * Returns (RMAs): what buyers send back, expected from a channel's return or entered by hand, received one unit at a
 * time at the returns bench, held for inspection and dispositioned per unit by the tenant's rules, with the refund
 * signal handed to the sync engine once every unit is decided, and the tenant's stock by status.
 */
@NullMarked
package com.crossdock.portal.returns;

import org.jspecify.annotations.NullMarked;
