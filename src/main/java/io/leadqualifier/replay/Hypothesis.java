package io.leadqualifier.replay;

import java.util.EnumSet;
import java.util.Set;

import io.leadqualifier.facts.ChecklistBox;

/**
 * A "what if" for explaining why a lead did not reach a stage: extra points on the total and extra checked
 * boxes, applied to the snapshots rules read. Only explanations evaluate under one; a recorded decision
 * never does ({@link #NONE}).
 */
record Hypothesis(int extraPoints, Set<ChecklistBox> extraBoxes) {
    static final Hypothesis NONE = new Hypothesis(0, EnumSet.noneOf(ChecklistBox.class));

    Hypothesis {
        extraBoxes = extraBoxes.isEmpty() ? EnumSet.noneOf(ChecklistBox.class) : EnumSet.copyOf(extraBoxes);
    }
}
