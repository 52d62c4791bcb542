/** The tenancy core: the explicit tenant scope of a call, the tenant-owned entity base, and Hibernate's tenant filter. */
@NullMarked
package com.crossdock.portal.tenancy;

import org.jspecify.annotations.NullMarked;
