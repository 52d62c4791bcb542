/** Who is signed in: local users with bcrypt passwords and the five roles, and the signed-in user as a value. */
@NullMarked
package com.crossdock.portal.identity;

import org.jspecify.annotations.NullMarked;
