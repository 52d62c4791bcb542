/** Screens of the catalog: the item list and editor, and the data-quality panel. */
@NullMarked
package com.crossdock.portal.catalog.ui;

import org.jspecify.annotations.NullMarked;
