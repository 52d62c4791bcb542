/** The sandbox warehouse: a WMS simulated on a folder, answering the portal's 940s with 997s, 945s and 846s. */
@NullMarked
package com.crossdock.portal.warehouse.sandbox;

import org.jspecify.annotations.NullMarked;
