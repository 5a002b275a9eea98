package io.leadqualifier.simulation.report;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One lead of the population under both policies.
 *
 * @param decisionId the recorded decision re-evaluated; null for a line of a leads file
 * @param line       the line of a leads file; null for a recorded decision
 * @param converted  whether the lead converted (WON, or a label of 1), false when it did not (LOST, 0), null when unknown
 */
public record Comparison(String leadId, Instant asOf, String decisionId, Long line, Verdict baseline, Verdict candidate,
        Boolean converted) {

    public boolean changed() {
        return baseline.differsFrom(candidate);
    }

    /** The rules that fired under the serving policy and not under the candidate. */
    public List<String> firedOnlyInBaseline() {
        return only(baseline.firedRules(), candidate.firedRules());
    }

    /** The rules that fired under the candidate and not under the serving policy. */
    public List<String> firedOnlyInCandidate() {
        return only(candidate.firedRules(), baseline.firedRules());
    }

    private static List<String> only(List<String> these, List<String> those) {
        Set<String> names = new LinkedHashSet<>(these);
        names.removeAll(Set.copyOf(those));
        return List.copyOf(names);
    }
}
