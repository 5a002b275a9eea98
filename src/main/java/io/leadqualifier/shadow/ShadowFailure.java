package io.leadqualifier.shadow;

import java.time.Instant;
import java.util.UUID;

/** A live decision whose facts the shadow policy failed on (a rule threw, looped past the firing limit, or left the stage unset). */
public record ShadowFailure(UUID decisionId, String leadId, Instant asOf, String message) {
}
