package com.crossdock.portal.uat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One step of a run as people see it.
 *
 * @param number      1-based
 * @param expected    what the step expects, in words
 * @param reason      why it passed, failed or was skipped, in plain words
 * @param evidence    name → text: payloads in and out, ids of orders and documents
 */
public record StepView(int number, String title, String kind, StepOutcome outcome, List<String> expected,
        String reason, Map<String, String> evidence, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

    public StepView {
        expected = List.copyOf(expected);
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
