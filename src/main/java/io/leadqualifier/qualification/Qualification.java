package io.leadqualifier.qualification;

import io.leadqualifier.decision.DecisionView;

/** A qualify answer, and whether it is the first decision returned again for a repeated idempotency key. */
public record Qualification(DecisionView decision, boolean replayed) {
}
