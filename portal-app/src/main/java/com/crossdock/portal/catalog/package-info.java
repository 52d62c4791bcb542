/** The catalog: a tenant's item master with pack configurations, barcodes and channel aliases, and its data quality. */
@NullMarked
package com.crossdock.portal.catalog;

import org.jspecify.annotations.NullMarked;
