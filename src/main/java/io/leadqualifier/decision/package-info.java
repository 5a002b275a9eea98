/**
 * The shared language of qualification, the trail and replay: the request as CRMs send it
 * ({@link io.leadqualifier.decision.QualifyRequest}), the decision as the API shows it
 * ({@link io.leadqualifier.decision.DecisionView}), the one mapping from a request to rule facts
 * ({@link io.leadqualifier.decision.LeadFacts}) and the split of what identifies a person
 * ({@link io.leadqualifier.decision.PersonalData}). May import {@code facts} only.
 */
package io.leadqualifier.decision;
