package com.crossdock.portal.uat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A UAT run with its steps and sign-offs.
 *
 * @param configVersion the tenant's configuration version the run ran against
 * @param summary       the outcome in a sentence
 */
public record RunView(UUID id, String scenarioKey, String scenarioName, RunStatus status, long configVersion,
        List<PickedItem> pickedItems, String summary, String startedBy, Instant queuedAt, @Nullable Instant startedAt,
        @Nullable Instant finishedAt, List<StepView> steps, List<SignOffView> signOffs) {

    public RunView {
        pickedItems = List.copyOf(pickedItems);
        steps = List.copyOf(steps);
        signOffs = List.copyOf(signOffs);
    }

    /** Steps finished (passed, failed or skipped) out of all. */
    public long stepsDone() {
        return steps.stream().filter(step -> step.outcome() != StepOutcome.PENDING
                && step.outcome() != StepOutcome.RUNNING).count();
    }

    /** Whether someone signed it in that role. */
    public boolean signedAs(SignOffRole role) {
        return signOffs.stream().anyMatch(signOff -> signOff.role() == role);
    }
}
