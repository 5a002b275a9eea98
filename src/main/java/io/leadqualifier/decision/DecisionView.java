package io.leadqualifier.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Reason;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * A decision as the API shows it (contract: the qualify response; {@code input} only when read back).
 * Field names are the contract.
 */
public record DecisionView(
        UUID decisionId,
        String leadId,
        Instant asOf,
        Instant evaluatedAt,
        Stage stage,
        Temperature temperature,
        Route route,
        Score score,
        Checklist checklist,
        Sla sla,
        List<Reason> reasons,
        List<FiredRule> firedRules,
        Policy policy,
        @JsonInclude(JsonInclude.Include.NON_NULL) QualifyRequest input) {

    public DecisionView withInput(QualifyRequest recordedInput) {
        return new DecisionView(decisionId, leadId, asOf, evaluatedAt, stage, temperature, route, score, checklist, sla,
                reasons, firedRules, policy, recordedInput);
    }

    /** Fit, engagement and their total, {@code max(0, fit + engagement)}. */
    public record Score(int fit, int engagement, int total) {
    }

    /** The six boxes and how many are checked. */
    public record Checklist(boolean icpFit, boolean need, boolean budget, boolean authority, boolean timing,
            boolean intent, int checked) {
    }

    /** The policy version that decided, and when it started serving. */
    public record Policy(String version, Instant activatedAt) {
    }
}
