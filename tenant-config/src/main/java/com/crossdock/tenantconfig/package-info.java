/** The tenant-configuration domain: value types and rules shared by the portal, free of any framework. */
@NullMarked
package com.crossdock.tenantconfig;

import org.jspecify.annotations.NullMarked;
