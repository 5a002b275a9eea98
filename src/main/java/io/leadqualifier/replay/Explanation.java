package io.leadqualifier.replay;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Sla;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * Why a recorded decision is what it is, and why it is not the next stage, computed from its recorded facts
 * under its recorded policy version ({@code GET /api/v1/decisions/{id}/explanation}).
 *
 * @param matchesRecord whether re-evaluating gave the recorded decision; when not, {@code differences} say
 *                      how, and the explanation is of the re-evaluation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(UUID decisionId, String leadId, Instant asOf, String policyVersion, Stage stage,
        Temperature temperature, Route route, Ledger score, List<Box> checklist, Cause whyStage, Cause whyTemperature,
        Cause whyRoute, SlaCause sla, List<Cause> knockOuts, WhyNot whyNot, boolean matchesRecord,
        List<DecisionReplay.Difference> differences) {

    /** The score, line by line: the fit lines sum to fit, the engagement lines to engagement. */
    public record Ledger(int fit, int engagement, int total, List<Line> fitLines, List<Line> engagementLines, String arithmetic) {
    }

    /** Points one rule gave: its rule, where it is written (file, sheet, row) and what it counted. */
    public record Line(int points, String rule, String location, String detail) {
    }

    /** One checklist box: checked or not, and by which rules. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Box(ChecklistBox box, boolean checked, List<String> checkedBy) {
    }

    /** The rule behind a part of the decision, where it is written, and its words. */
    public record Cause(String rule, String location, String message) {
    }

    /** The hand-off SLA and the rule that set it. */
    public record SlaCause(Sla terms, Cause cause) {
    }

    /** What the lead lacks for each stage above its own (absent for stages it has reached). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WhyNot(Gap mql, Gap sql, Gap opportunity) {
    }

    /**
     * What would take the lead to {@code stage} under the same policy, found by re-evaluating with the change.
     *
     * @param pointsShort      points to add to the total (MQL)
     * @param totalNeeded      the total that reaches the stage
     * @param missingBoxes     unchecked boxes (SQL)
     * @param smallestBoxSets  the smallest sets of unchecked boxes that, once checked, reach the stage
     * @param salesSignals     sales signals of which any one, on top of those boxes, reaches the stage (opportunity)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gap(Stage stage, boolean reachable, String summary, Integer pointsShort, Integer totalNeeded,
            List<ChecklistBox> missingBoxes, List<List<ChecklistBox>> smallestBoxSets, List<String> salesSignals) {
    }
}
