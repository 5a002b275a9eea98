package io.leadqualifier.replay;

import java.time.Instant;
import java.util.Set;

import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Outcome;

/** An outcome under a {@link Hypothesis}: the score and checklist snapshots rules read carry its extras. */
final class WhatIfOutcome extends Outcome {
    private final Hypothesis hypothesis;

    WhatIfOutcome(Instant asOf, Hypothesis hypothesis) {
        super(asOf);
        this.hypothesis = hypothesis;
    }

    @Override
    protected int extraEngagement() {
        return hypothesis.extraPoints();
    }

    @Override
    protected Set<ChecklistBox> extraBoxes() {
        return hypothesis.extraBoxes();
    }
}
