package io.leadqualifier.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.leadqualifier.console.sla.TimeLeft;

/** How the SLA page words a clock. */
class TimeLeftTest {

    @Test
    void aRunningClockSaysWhatIsLeftAndAnExpiredOneByHowMuchItIsOverdue() {
        assertThat(TimeLeft.of(Duration.ofMinutes(125))).isEqualTo("2 h 05 min left");
        assertThat(TimeLeft.of(Duration.ofMinutes(59))).isEqualTo("59 min left");
        assertThat(TimeLeft.of(Duration.ofHours(27).negated())).isEqualTo("overdue by 1 d 3 h");
        assertThat(TimeLeft.of(Duration.ZERO)).isEqualTo("overdue by 0 min");
        assertThat(TimeLeft.of(null)).isEqualTo("clock stopped (contacted)");
    }
}
