package io.leadqualifier.qualification;

import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.QualifyRequest;

/**
 * A CDI event: a live decision has just been committed, before it is answered. Fired synchronously on the request
 * thread, so an observer must only hand it off (the shadow enqueues it), never work or block there.
 *
 * @param decision the decision as answered
 * @param input    what the rules saw: the recordable request, with the lead's history at {@code asOf}; rebuild the
 *                 facts from it with {@code LeadFacts.of} to evaluate the same lead again
 */
public record DecisionRecorded(DecisionView decision, QualifyRequest input) {
}
