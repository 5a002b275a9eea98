package io.leadqualifier.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Seven shifts, −10, 0, 0, 5, 5, 5, 20, summarised by hand. */
class ScoreShiftTest {

    @Test
    void summaryAndNearestRankPercentiles() {
        ScoreShift.Counter counter = new ScoreShift.Counter();
        int[][] totals = {{70, 60}, {50, 50}, {40, 40}, {60, 65}, {60, 65}, {10, 15}, {0, 20}};
        for (int[] pair : totals) {
            counter.add(pair[0], pair[1]);
        }

        ScoreShift shift = counter.shift();

        assertThat(shift.leads()).isEqualTo(7);
        assertThat(shift.unchanged()).isEqualTo(2);
        assertThat(shift.up()).isEqualTo(4);
        assertThat(shift.down()).isEqualTo(1);
        assertThat(shift.mean()).isCloseTo(25 / 7.0, within(1e-12));
        // Nearest rank: p5 is the 1st of 7, the median the 4th, p95 the 7th.
        assertThat(shift.p5()).isEqualTo(-10);
        assertThat(shift.median()).isEqualTo(5);
        assertThat(shift.p95()).isEqualTo(20);
        assertThat(shift.histogram()).containsExactly(new ScoreShift.Bin(-10, 1), new ScoreShift.Bin(0, 2), new ScoreShift.Bin(5, 3),
                new ScoreShift.Bin(20, 1));
    }
}
