/**
 * The source of truth: which system owns each kind of data for a tenant, and the rules that refuse owners that
 * cannot work, each with its reason.
 */
@NullMarked
package com.crossdock.tenantconfig.truth;

import org.jspecify.annotations.NullMarked;
