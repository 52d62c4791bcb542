/** The Returns view: the RMA queue by status and age, and the inspect-and-disposition screen of the returns bench. */
@NullMarked
package com.crossdock.portal.returns.ui;

import org.jspecify.annotations.NullMarked;
