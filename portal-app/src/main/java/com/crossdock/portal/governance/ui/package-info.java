/** The Setup view: the source-of-truth matrix and the ship-method mappings of the selected tenant. */
@NullMarked
package com.crossdock.portal.governance.ui;

import org.jspecify.annotations.NullMarked;
