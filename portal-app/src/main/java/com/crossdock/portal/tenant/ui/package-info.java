/** Screens of the tenant feature: the Tenants list and form for 3PL roles, the Overview for everyone. */
@NullMarked
package com.crossdock.portal.tenant.ui;

import org.jspecify.annotations.NullMarked;
