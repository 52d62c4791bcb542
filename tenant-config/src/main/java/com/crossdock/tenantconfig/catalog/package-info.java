/** Catalog rules: GS1 barcodes and the explosion of bundles and kits into their components. */
@NullMarked
package com.crossdock.tenantconfig.catalog;

import org.jspecify.annotations.NullMarked;
