package com.crossdock.tenantconfig.uat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a scenario: what it does and what must be true afterwards.
 *
 * @param kind           what the step does
 * @param title          the step in a few words, as lists and reports show it
 * @param mode           one of the kind's modes
 * @param lines          the lines of an order, inbound shipment or stock report; empty for other kinds
 * @param shippingMethod the order's shipping method: a store's method name, or {@code MAPPED} for one of the
 *                       tenant's mapped methods; null for the store's default
 * @param expect         what must be true after it
 */
public record ScenarioStep(StepKind kind, String title, String mode, List<ScenarioLine> lines,
        @Nullable String shippingMethod, Expectations expect) {

    /** The shipping method value that means "one of the tenant's mapped methods". */
    public static final String MAPPED = "MAPPED";

    public ScenarioStep {
        lines = List.copyOf(lines);
    }
}
