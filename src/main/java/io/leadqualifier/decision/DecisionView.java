package io.leadqualifier.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Outcome;
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

    /** The decision an evaluation made, before it is recorded. */
    public static DecisionView of(UUID decisionId, String leadId, Instant asOf, Instant evaluatedAt, Outcome outcome, Policy policy) {
        var boxes = outcome.getBoxes();
        return new DecisionView(decisionId, leadId, asOf, evaluatedAt, outcome.getStage(), outcome.getTemperature(), outcome.getRoute(),
                new Score(outcome.getFit(), outcome.getEngagement(), outcome.getTotal()),
                new Checklist(boxes.contains(ChecklistBox.ICP_FIT), boxes.contains(ChecklistBox.NEED), boxes.contains(ChecklistBox.BUDGET),
                        boxes.contains(ChecklistBox.AUTHORITY), boxes.contains(ChecklistBox.TIMING), boxes.contains(ChecklistBox.INTENT),
                        boxes.size()),
                outcome.getSla(), outcome.getReasons(), outcome.getFiredRules(), policy, null);
    }

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
