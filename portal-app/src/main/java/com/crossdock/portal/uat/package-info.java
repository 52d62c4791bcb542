/**
 * UAT on the tenant's own configuration: runs of scenario templates through the real pipeline against the sandboxes,
 * with each step's outcome and evidence, custom scenarios, reports, and the sign-offs that go-live needs.
 */
@NullMarked
package com.crossdock.portal.uat;

import org.jspecify.annotations.NullMarked;
