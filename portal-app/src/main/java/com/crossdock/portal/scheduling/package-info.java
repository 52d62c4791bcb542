/** Quartz on a clustered JDBC store: the one place that registers jobs, and the scheduler heartbeat system job. */
@NullMarked
package com.crossdock.portal.scheduling;

import org.jspecify.annotations.NullMarked;
