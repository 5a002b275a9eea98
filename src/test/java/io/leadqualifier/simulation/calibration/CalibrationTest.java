package io.leadqualifier.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * Ten labelled leads, every figure computed by hand:
 * <pre>
 * #   stage         temperature  total  converted
 * 1   MQL           WARM         80     yes
 * 2   MQL           WARM         75     no
 * 3   MQL           HOT          90     yes
 * 4   LEAD          WARM         60     yes
 * 5   LEAD          WARM         60     no     (ties with 4)
 * 6   LEAD          COLD         30     no
 * 7   LEAD          COLD         20     no
 * 8   SQL           WARM         50     yes
 * 9   DISQUALIFIED  COLD         10     no
 * 10  LEAD          WARM         65     no
 * </pre>
 * 4 of 10 converted: base rate 0.4.
 */
class CalibrationTest {

    private static Calibration tenLeads() {
        OutcomeTally tally = new OutcomeTally();
        tally.add(Stage.MQL, Temperature.WARM, 80, true);
        tally.add(Stage.MQL, Temperature.WARM, 75, false);
        tally.add(Stage.MQL, Temperature.HOT, 90, true);
        tally.add(Stage.LEAD, Temperature.WARM, 60, true);
        tally.add(Stage.LEAD, Temperature.WARM, 60, false);
        tally.add(Stage.LEAD, Temperature.COLD, 30, false);
        tally.add(Stage.LEAD, Temperature.COLD, 20, false);
        tally.add(Stage.SQL, Temperature.WARM, 50, true);
        tally.add(Stage.DISQUALIFIED, Temperature.COLD, 10, false);
        tally.add(Stage.LEAD, Temperature.WARM, 65, false);
        return Calibration.of(tally);
    }

    @Test
    void conversionAndLiftPerStageTemperatureAndScoreBand() {
        Calibration calibration = tenLeads();

        assertThat(calibration.leads()).isEqualTo(10);
        assertThat(calibration.converted()).isEqualTo(4);
        assertThat(calibration.baseRate()).isEqualTo(0.4);
        // MQL: 2 of 3 (0.667, lift 1.667); LEAD: 1 of 5 (0.2, lift 0.5); SQL 1 of 1 (lift 2.5); DISQUALIFIED 0 of 1.
        assertThat(calibration.byStage()).extracting(Calibration.Group::value, Calibration.Group::leads, Calibration.Group::converted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LEAD", 5L, 1L), org.assertj.core.groups.Tuple.tuple("MQL", 3L, 2L),
                        org.assertj.core.groups.Tuple.tuple("SQL", 1L, 1L), org.assertj.core.groups.Tuple.tuple("DISQUALIFIED", 1L, 0L));
        assertThat(group(calibration.byStage(), "MQL").lift()).isCloseTo(1.6667, within(1e-4));
        assertThat(group(calibration.byStage(), "LEAD").rate()).isEqualTo(0.2);
        assertThat(group(calibration.byStage(), "LEAD").lift()).isCloseTo(0.5, within(1e-9));
        assertThat(group(calibration.byStage(), "SQL").lift()).isCloseTo(2.5, within(1e-9));
        // WARM: 1, 2, 4, 5, 8, 10, three converted (0.5, lift 1.25); HOT: 1 of 1; COLD: 0 of 3.
        assertThat(group(calibration.byTemperature(), "WARM").rate()).isEqualTo(0.5);
        assertThat(group(calibration.byTemperature(), "WARM").lift()).isCloseTo(1.25, within(1e-9));
        assertThat(group(calibration.byTemperature(), "COLD").converted()).isZero();
        // Bands of ten points, only those with leads: 60-69 holds 4, 5, 10 (one converted).
        assertThat(calibration.byScoreBand()).extracting(Calibration.Group::value)
                .containsExactly("10-19", "20-29", "30-39", "50-59", "60-69", "70-79", "80-89", "90-99");
        assertThat(group(calibration.byScoreBand(), "60-69").leads()).isEqualTo(3);
        assertThat(group(calibration.byScoreBand(), "60-69").rate()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void aucCountsEachConverterAboveANonConverterAndHalfATie() {
        // Converters 90 and 80 beat all 6 non-converters; 60 beats 30, 20, 10 and ties 60 (3.5); 50 beats 30, 20, 10 (3).
        // (6 + 6 + 3.5 + 3) / (4 × 6) = 18.5 / 24.
        assertThat(tenLeads().auc()).isCloseTo(18.5 / 24, within(1e-12));
    }

    @Test
    void thresholdSweepEveryFivePointsWithTheBestAtTheCurrentVolume() {
        ThresholdSweep sweep = tenLeads().mqlThreshold();

        // LEAD and MQL totals run from 20 to 90; MQL and SQL leads reach sales now: 1, 2, 3, 8.
        assertThat(sweep.currentVolume()).isEqualTo(4);
        assertThat(sweep.points()).extracting(ThresholdSweep.Point::threshold)
                .containsExactly(20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90);
        // At 80: the SQL lead, 80 and 90, all converted: precision 1, recall 3 of 4.
        ThresholdSweep.Point at80 = point(sweep, 80);
        assertThat(at80.volume()).isEqualTo(3);
        assertThat(at80.precision()).isEqualTo(1.0);
        assertThat(at80.recall()).isEqualTo(0.75);
        assertThat(at80.f1()).isCloseTo(6 / 7.0, within(1e-12));
        // At 20: all but the disqualified lead: 9, the 4 converters among them.
        assertThat(point(sweep, 20).volume()).isEqualTo(9);
        assertThat(point(sweep, 20).recall()).isEqualTo(1.0);
        // Volume 4 (±10 %) only at 70 and 75 (SQL, 75, 80, 90: 3 converted, F1 0.75 each): the higher threshold wins the tie.
        assertThat(sweep.suggested().threshold()).isEqualTo(75);
        assertThat(sweep.suggested().f1()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void withNoThresholdNearTheCurrentVolumeTheClosestVolumeIsSuggested() {
        // Two MQL leads at 70, and four leads the policy held at LEAD above them (72, 73, 74, 76): current volume 2.
        OutcomeTally tally = new OutcomeTally();
        tally.add(Stage.MQL, Temperature.WARM, 70, true);
        tally.add(Stage.MQL, Temperature.WARM, 70, false);
        for (int total : new int[] {72, 73, 74, 76}) {
            tally.add(Stage.LEAD, Temperature.WARM, total, false);
        }

        ThresholdSweep sweep = Calibration.of(tally).mqlThreshold();

        // Thresholds 70, 75, 80 give volumes 6, 1, 0: none within 2 ± 0.2; 1 is the closest.
        assertThat(sweep.currentVolume()).isEqualTo(2);
        assertThat(sweep.points()).extracting(ThresholdSweep.Point::volume).containsExactly(6L, 1L, 0L);
        assertThat(sweep.suggested().threshold()).isEqualTo(75);
        assertThat(point(sweep, 80).precision()).isNull();
    }

    @Test
    void noKnownOutcomeNoCalibration() {
        assertThat(Calibration.of(new OutcomeTally())).isNull();
        OutcomeTally allLost = new OutcomeTally();
        allLost.add(Stage.LEAD, Temperature.COLD, 10, false);
        assertThat(Calibration.of(allLost).auc()).isNull();
        assertThat(Calibration.of(allLost).mqlThreshold().points()).allSatisfy(point -> assertThat(point.recall()).isNull());
    }

    private static Calibration.Group group(java.util.List<Calibration.Group> groups, String value) {
        return groups.stream().filter(group -> group.value().equals(value)).findFirst().orElseThrow();
    }

    private static ThresholdSweep.Point point(ThresholdSweep sweep, int threshold) {
        return sweep.points().stream().filter(point -> point.threshold() == threshold).findFirst().orElseThrow();
    }
}
