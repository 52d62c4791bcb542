/** Start-up diagnostics: clear messages for a port in use or an unreachable database, and where to open the portal. */
@NullMarked
package com.crossdock.portal.system;

import org.jspecify.annotations.NullMarked;
