package io.leadqualifier.audit.search;

import java.time.Instant;

import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;

/**
 * What to look for in the trail; null fields do not filter. {@code from} is inclusive, {@code to} exclusive,
 * both on the evaluation time.
 */
public record DecisionQuery(String leadId, Stage stage, Route route, String rule, String policyVersion, Instant from,
        Instant to) {
}
