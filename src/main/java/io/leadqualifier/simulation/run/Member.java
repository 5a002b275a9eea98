package io.leadqualifier.simulation.run;

import java.time.Instant;

import io.leadqualifier.decision.QualifyRequest;

/**
 * One member of a population: a lead as it was at {@code asOf}, to evaluate under both policies.
 *
 * @param decisionId the recorded decision it comes from; null for a line of a leads file
 * @param line       the line of a leads file it comes from; null for a recorded decision
 * @param converted  the lead's known outcome (WON or label 1: true; LOST or 0: false); null when unknown
 */
public record Member(String leadId, Instant asOf, String decisionId, Long line, QualifyRequest input, Boolean converted) {
}
