/** The onboarding stages of a tenant, computed from facts about its data rather than set by hand. */
@NullMarked
package com.crossdock.tenantconfig.onboarding;

import org.jspecify.annotations.NullMarked;
