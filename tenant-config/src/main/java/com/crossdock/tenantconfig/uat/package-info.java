/**
 * UAT scenarios as data: templates of steps with expectations, the kinds of item a template needs, and the parser
 * that reads and validates them with errors naming the step and field.
 */
@NullMarked
package com.crossdock.tenantconfig.uat;

import org.jspecify.annotations.NullMarked;
