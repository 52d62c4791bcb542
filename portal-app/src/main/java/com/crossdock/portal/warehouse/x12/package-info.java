/**
 * The portal's X12 documents for a WMS: 940 shipping orders built from outbox messages, inbound 945, 846 and 997
 * turned into {@link com.crossdock.portal.sync.ShipmentNotice}, {@link com.crossdock.portal.sync.InventoryPosition}
 * and acknowledgments, and the 997 (or TA1) the portal answers with.
 */
@NullMarked
package com.crossdock.portal.warehouse.x12;

import org.jspecify.annotations.NullMarked;
