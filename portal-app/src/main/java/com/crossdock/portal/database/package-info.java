/** Where the portal's PostgreSQL comes from: an embedded server by default, or an external one by configuration. */
@NullMarked
package com.crossdock.portal.database;

import org.jspecify.annotations.NullMarked;
