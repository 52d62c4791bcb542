package com.crossdock.portal.uat;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A run as the run list shows it. */
public record RunSummary(UUID id, String scenarioKey, String scenarioName, RunStatus status, long configVersion,
        String summary, String startedBy, Instant queuedAt, @Nullable Instant finishedAt, int signOffs) {
}
