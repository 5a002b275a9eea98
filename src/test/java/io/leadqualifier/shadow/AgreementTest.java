package io.leadqualifier.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadqualifier.decision.DecisionView;

/** What the agreement counts besides comparisons: drops, failures and the examples it keeps. */
class AgreementTest {
    private static final Instant ATTACHED = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void decisionsDroppedByAFullQueueAreCountedAndNotEvaluated() {
        Agreement agreement = new Agreement(ATTACHED, 20);

        agreement.dropped();
        agreement.dropped();
        agreement.dropped();

        Agreement.View view = agreement.view();
        assertThat(view.dropped()).isEqualTo(3);
        assertThat(view.evaluated()).isZero();
        assertThat(view.stage().rate()).as("no rate before anything is evaluated").isNull();
        assertThat(view.since()).isEqualTo(ATTACHED);
    }

    @Test
    void failuresAreCountedAndTheLatestKeptNewestFirst() {
        Agreement agreement = new Agreement(ATTACHED, 2);

        for (String leadId : List.of("first", "second", "third")) {
            agreement.failed(decisionOf(leadId), "policy 0a1b2c3d4e5f fired 1000 rules without settling");
        }

        Agreement.View view = agreement.view();
        assertThat(view.failed()).isEqualTo(3);
        assertThat(view.failures()).extracting(ShadowFailure::leadId).containsExactly("third", "second");
        assertThat(view.evaluated()).isZero();
    }

    private static DecisionView decisionOf(String leadId) {
        return new DecisionView(UUID.randomUUID(), leadId, ATTACHED, ATTACHED, null, null, null, null, null, null, List.of(), List.of(),
                null, null);
    }
}
