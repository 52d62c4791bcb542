package com.crossdock.portal.uat;

import com.crossdock.tenantconfig.uat.ScenarioTemplate;
import org.jspecify.annotations.Nullable;

/**
 * A scenario of the tenant's library: a built-in template or a custom copy, with its last run.
 *
 * @param custom     whether the tenant made it (its steps can be edited)
 * @param copiedFrom the template a custom scenario was copied from; empty for a template
 * @param version    the custom scenario's version for the editor's optimistic check; 0 for a template
 * @param lastRun    its most recent run, if any
 */
public record ScenarioEntry(ScenarioTemplate scenario, boolean custom, String copiedFrom, long version,
        @Nullable RunSummary lastRun) {

    public String key() {
        return scenario.key();
    }

    public String name() {
        return scenario.name();
    }
}
