package com.crossdock.tenantconfig.uat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A UAT scenario: the items it needs by role, and its steps in order.
 *
 * @param key         stable key ({@code multi-line-order}); custom scenarios get {@code custom-...}
 * @param name        the scenario in a few words
 * @param description what it proves, in a sentence or two
 * @param items       role name → the kind of item the runner picks for it, in declaration order
 * @param steps       the steps in order, at least one
 */
public record ScenarioTemplate(String key, String name, String description, Map<String, ItemKind> items,
        List<ScenarioStep> steps) {

    public ScenarioTemplate {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        steps = List.copyOf(steps);
    }

    /** Whether some step orders with the tenant's mapped shipping method. */
    public boolean needsShipMethodMapping() {
        return steps.stream().anyMatch(step -> ScenarioStep.MAPPED.equals(step.shippingMethod()));
    }

    /** The kinds of item it needs, for the library's list. */
    public Set<ItemKind> itemKinds() {
        return new TreeSet<>(items.values());
    }

    /** The same scenario under another key and name, as a custom copy starts. */
    public ScenarioTemplate renamed(String newKey, String newName) {
        return new ScenarioTemplate(newKey, newName, description, items, steps);
    }

    /** The same scenario with other steps, as the step editor saves it. */
    public ScenarioTemplate withSteps(List<ScenarioStep> newSteps) {
        return new ScenarioTemplate(key, name, description, items, newSteps);
    }
}
