/** Identity of a tenant (a brand client of the 3PL) and the small values that describe it. */
@NullMarked
package com.crossdock.tenantconfig.tenant;

import org.jspecify.annotations.NullMarked;
