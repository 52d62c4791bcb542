/** The application shell: layout, navigation by role, tenant switcher, sign-in and no-access pages, error messages. */
@NullMarked
package com.crossdock.portal.shell;

import org.jspecify.annotations.NullMarked;
