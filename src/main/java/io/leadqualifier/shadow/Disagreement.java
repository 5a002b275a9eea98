package io.leadqualifier.shadow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * A live decision the shadow policy would have decided otherwise (stage, temperature, route or total).
 *
 * @param decisionId      the live decision, readable at {@code /api/v1/decisions/{id}}
 * @param liveVersion     the policy version that made it
 * @param firedOnlyLive   rules that fired under the live policy and not under the shadow
 * @param firedOnlyShadow rules that fired under the shadow and not under the live policy
 */
public record Disagreement(UUID decisionId, String leadId, Instant asOf, String liveVersion, Outcome live, Outcome shadow,
        List<String> firedOnlyLive, List<String> firedOnlyShadow) {

    /** What one policy decided, as far as the agreement compares it. */
    public record Outcome(Stage stage, Temperature temperature, Route route, int total) {
    }
}
