package io.leadqualifier.simulation.run;

import java.time.Instant;
import java.util.List;

import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;
import io.leadqualifier.simulation.report.Comparison;
import io.leadqualifier.simulation.report.Verdict;

/**
 * A population member whose verdict changed: both verdicts, each with the rules that fired under it and not under
 * the other policy (what made the difference).
 */
public record ChangedLead(String leadId, Instant asOf, String decisionId, Long line, Side baseline, Side candidate) {

    /** One policy's verdict. {@code queue}: the SLA owner it hands the lead to, null without an SLA. */
    public record Side(Stage stage, Temperature temperature, Route route, Score score, String queue, List<String> firedOnlyHere) {
        static Side of(Verdict verdict, List<String> firedOnlyHere) {
            return new Side(verdict.stage(), verdict.temperature(), verdict.route(),
                    new Score(verdict.fit(), verdict.engagement(), verdict.total()), verdict.queue(), firedOnlyHere);
        }
    }

    /** The score, as the qualify answer shows it. */
    public record Score(int fit, int engagement, int total) {
    }

    static ChangedLead of(Comparison comparison) {
        return new ChangedLead(comparison.leadId(), comparison.asOf(), comparison.decisionId(), comparison.line(),
                Side.of(comparison.baseline(), comparison.firedOnlyInBaseline()),
                Side.of(comparison.candidate(), comparison.firedOnlyInCandidate()));
    }
}
