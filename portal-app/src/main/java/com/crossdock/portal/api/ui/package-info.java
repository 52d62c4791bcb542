/** The API view: a brand's API clients with their scopes and last use; create (the key shown once) and revoke. */
@NullMarked
package com.crossdock.portal.api.ui;

import org.jspecify.annotations.NullMarked;
