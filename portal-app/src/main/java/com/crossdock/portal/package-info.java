/** The Crossdock portal: a multi-tenant 3PL integration portal on Spring Boot and Vaadin. */
@NullMarked
package com.crossdock.portal;

import org.jspecify.annotations.NullMarked;
