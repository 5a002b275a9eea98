package io.leadqualifier.simulation.run;

import java.time.Instant;

import io.leadqualifier.decision.QualifyRequest;

/**
 * One member of a population: a lead as it was at {@code asOf}, to evaluate under both policies.
 *
 * @param decisionId the recorded decision it comes from; null for a line of a leads file
 * @param line       the line of a leads file it comes from; null for a recorded decision
 * @param converted  the lead's known outcome (WON or label 1: true; LOST or 0: false); null when unknown
 * @param refusal    why a line of a leads file cannot be evaluated (then {@code input} is null); null for a lead
 */
public record Member(String leadId, Instant asOf, String decisionId, Long line, QualifyRequest input, Boolean converted,
        String refusal) {

    static Member refused(long line, String why) {
        return new Member(null, null, null, line, null, null, why);
    }
}
