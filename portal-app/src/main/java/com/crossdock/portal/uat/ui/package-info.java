/** The UAT view: the scenario library, runs with their steps live, evidence, the step editor, sign-off and report. */
@NullMarked
package com.crossdock.portal.uat.ui;

import org.jspecify.annotations.NullMarked;
