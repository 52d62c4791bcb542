/** Demo tenants and users for the embedded default, created only into an empty database. */
@NullMarked
package com.crossdock.portal.demo;

import org.jspecify.annotations.NullMarked;
