/**
 * Amazon FBA prep attributes as Fulfillment Inbound (2024-03-20) names them, and the rules a tenant's values must
 * follow before an FBA-bound SKU can ship. Since Amazon stopped its own US prep service in 2026, the seller and
 * their 3PL do this work.
 */
@NullMarked
package com.crossdock.tenantconfig.prep;

import org.jspecify.annotations.NullMarked;
