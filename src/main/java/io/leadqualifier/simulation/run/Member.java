package io.leadqualifier.simulation.run;

import java.time.Instant;

import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.simulation.report.Verdict;

/**
 * One member of a population: a lead as it was at {@code asOf}, to evaluate under both policies.
 *
 * @param decisionId the recorded decision it comes from; null for a line of a leads file
 * @param line       the line of a leads file it comes from; null for a recorded decision
 * @param converted  the lead's known outcome (WON or label 1: true; LOST or 0: false); null when unknown
 * @param refusal    why a line of a leads file cannot be evaluated (then {@code input} is null); null for a lead
 * @param recorded   the verdict recorded with the decision and the version that made it; null for a file
 */
public record Member(String leadId, Instant asOf, String decisionId, Long line, QualifyRequest input, Boolean converted,
        String refusal, Recorded recorded) {

    /** A recorded verdict and the policy version that made it. */
    public record Recorded(String version, Verdict verdict) {
    }

    static Member refused(long line, String why) {
        return new Member(null, null, null, line, null, null, why, null);
    }

    /**
     * The verdict {@code policy} gives this member, when it is already known: the decision was recorded under that very
     * version, and the same facts under the same version give the same decision (what replay checks).
     */
    Verdict knownUnder(String version) {
        return recorded != null && recorded.version().equals(version) ? recorded.verdict() : null;
    }
}
