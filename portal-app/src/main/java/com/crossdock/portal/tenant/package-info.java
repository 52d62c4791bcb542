/** Tenants (the 3PL's brand clients): create, edit, access rules, branding, activity and the onboarding overview. */
@NullMarked
package com.crossdock.portal.tenant;

import org.jspecify.annotations.NullMarked;
