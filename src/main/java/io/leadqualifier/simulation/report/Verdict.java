package io.leadqualifier.simulation.report;

import java.util.List;

import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * What one policy decided for one lead, as far as a simulation compares it.
 *
 * @param queue      the SLA owner the lead would be handed to; null without an SLA
 * @param firedRules the names of the rules that fired, in firing order
 */
public record Verdict(Stage stage, Temperature temperature, Route route, int fit, int engagement, int total, String queue,
        List<String> firedRules) {

    public static Verdict of(Ledger ledger) {
        return new Verdict(ledger.stage(), ledger.temperature(), ledger.route(), ledger.fit(), ledger.engagement(), ledger.total(),
                ledger.sla() == null ? null : ledger.sla().owner(), ledger.firedRules().stream().map(FiredRule::name).toList());
    }

    /** Whether a user would see a difference: stage, temperature, route, a score, or the queue handed to. */
    public boolean differsFrom(Verdict other) {
        return stage != other.stage || temperature != other.temperature || route != other.route || fit != other.fit
                || engagement != other.engagement || total != other.total || !java.util.Objects.equals(queue, other.queue);
    }
}
