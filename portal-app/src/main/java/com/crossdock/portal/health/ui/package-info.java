/** The health dashboards (brand, portfolio, leadership), hypercare review, alert rules and the ECharts component. */
@NullMarked
package com.crossdock.portal.health.ui;

import org.jspecify.annotations.NullMarked;
