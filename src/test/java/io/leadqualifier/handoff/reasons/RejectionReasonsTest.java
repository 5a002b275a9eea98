package io.leadqualifier.handoff.reasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reasons sales may give, looked up by event and code. */
class RejectionReasonsTest {
    private final RejectionReasons reasons = RejectionReasons.of(List.of(
            new SalesReason(ReasonEvent.REJECTED, "NO_BUDGET", "No budget", false),
            new SalesReason(ReasonEvent.REJECTED, "OTHER", "Other (say why)", true),
            new SalesReason(ReasonEvent.LOST, "OTHER", "Other (say why)", true)));

    @Test
    void aCodeIsFoundForItsEventOnly() {
        assertThat(reasons.find(ReasonEvent.REJECTED, "no_budget ")).hasValueSatisfying(reason -> {
            assertThat(reason.code()).isEqualTo("NO_BUDGET");
            assertThat(reason.label()).isEqualTo("No budget");
            assertThat(reason.requiresText()).isFalse();
        });
        assertThat(reasons.find(ReasonEvent.LOST, "NO_BUDGET")).isEmpty();
        assertThat(reasons.find(ReasonEvent.LOST, "OTHER")).hasValueSatisfying(reason -> assertThat(reason.requiresText()).isTrue());
        assertThat(reasons.forEvent(ReasonEvent.REJECTED)).extracting(SalesReason::code).containsExactly("NO_BUDGET", "OTHER");
    }

    @Test
    void aCodeListedTwiceForOneEventIsRefused() {
        assertThatThrownBy(() -> RejectionReasons.of(List.of(new SalesReason(ReasonEvent.LOST, "PRICE", "Price", false),
                new SalesReason(ReasonEvent.LOST, "price", "Too expensive", false))))
                .hasMessage("reason PRICE is listed twice for LOST");
    }

    @Test
    void codesAreWordsCrmsCanSend() {
        assertThatThrownBy(() -> new SalesReason(ReasonEvent.REJECTED, "no budget", "No budget", false))
                .hasMessageContaining("is not a reason code");
    }
}
