/** Orders in Crossdock's own shape, the same for every sales channel, as connectors hand them to the portal. */
@NullMarked
package com.crossdock.portal.order;

import org.jspecify.annotations.NullMarked;
