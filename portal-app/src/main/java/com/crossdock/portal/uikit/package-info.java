/** Small UI helpers every view shares: notifications and turning failures into words a person can act on. */
@NullMarked
package com.crossdock.portal.uikit;

import org.jspecify.annotations.NullMarked;
