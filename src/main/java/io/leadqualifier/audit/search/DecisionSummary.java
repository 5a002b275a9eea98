package io.leadqualifier.audit.search;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadqualifier.audit.trail.RecordedDecision;
import io.leadqualifier.decision.DecisionView;

/**
 * A decision in a list: what it decided, under which version. {@code transition} is set in a lead's history
 * where the stage changed ({@code from} is null for the lead's first decision).
 */
public record DecisionSummary(UUID decisionId, String leadId, Instant asOf, Instant evaluatedAt, String stage,
        String temperature, String route, DecisionView.Score score, String policyVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Transition transition) {

    /** A stage change between two consecutive decisions of a lead. */
    public record Transition(String from, String to) {
    }

    static DecisionSummary of(RecordedDecision row, Transition transition) {
        return new DecisionSummary(UUID.fromString(row.id), row.leadId, row.asOf, row.evaluatedAt, row.stage, row.temperature,
                row.route, new DecisionView.Score(row.scoreFit, row.scoreEngagement, row.scoreTotal), row.policyVersion, transition);
    }
}
