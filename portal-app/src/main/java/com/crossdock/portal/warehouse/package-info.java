/**
 * The 3PL's warehouse side: WMS connections (one per warehouse, the 3PL's own), each tenant's account at its
 * warehouse, and the exchange of X12 documents over SFTP (940 out; 945, 846, 997 in) that feeds the sync engine's
 * {@link com.crossdock.portal.sync.WarehouseFeedback}. In sandbox mode the warehouse is simulated inside the portal,
 * behind a real SFTP server.
 */
@NullMarked
package com.crossdock.portal.warehouse;

import org.jspecify.annotations.NullMarked;
