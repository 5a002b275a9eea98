package io.leadqualifier.simulation.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one policy's verdicts line up with known outcomes, over the leads whose outcome is known.
 *
 * @param leads     leads with a known outcome
 * @param converted those that converted
 * @param baseRate  {@code converted / leads}
 * @param auc       the area under the ROC curve of the total score: the chance that a converter picked at random
 *                  has a higher total than a non-converter picked at random, a tie counting one half
 *                  (Mann–Whitney); null without both kinds of lead
 */
public record Calibration(long leads, long converted, Double baseRate, List<Group> byStage, List<Group> byTemperature,
        List<Group> byScoreBand, Double auc, ThresholdSweep mqlThreshold) {

    /**
     * The leads that got one value (a stage, a temperature, a score band such as {@code 60-69}).
     *
     * @param rate {@code converted / leads}
     * @param lift {@code rate / baseRate}: 2 means twice as likely to convert as the average lead; null at a base rate of 0
     */
    public record Group(String value, long leads, long converted, Double rate, Double lift) {
    }

    /** The figures of a tally; null when no lead has a known outcome. */
    public static Calibration of(OutcomeTally tally) {
        if (tally.leads == 0) {
            return null;
        }
        double baseRate = (double) tally.converted / tally.leads;
        List<Group> bands = new ArrayList<>();
        tally.byBand.forEach((low, counts) -> bands.add(group(low + "-" + (low + OutcomeTally.BAND - 1), counts, baseRate)));
        return new Calibration(tally.leads, tally.converted, baseRate, groups(tally.byStage, baseRate),
                groups(tally.byTemperature, baseRate), bands, auc(tally), ThresholdSweep.of(tally));
    }

    private static List<Group> groups(Map<? extends Enum<?>, long[]> counts, double baseRate) {
        List<Group> groups = new ArrayList<>();
        counts.forEach((value, count) -> groups.add(group(value.name(), count, baseRate)));
        return groups;
    }

    private static Group group(String value, long[] counts, double baseRate) {
        long leads = counts[0] + counts[1];
        double rate = (double) counts[1] / leads;
        return new Group(value, leads, counts[1], rate, baseRate == 0 ? null : rate / baseRate);
    }

    /**
     * Rank-sum AUC from the counts per total: each converter beats the non-converters with a lower total and ties
     * with those of the same total (one half each). Exact, in one pass over the distinct totals.
     */
    static Double auc(OutcomeTally tally) {
        long positives = tally.converted;
        long negatives = tally.leads - tally.converted;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        double wins = 0;
        long negativesBelow = 0;
        for (long[] counts : tally.byTotal.values()) {
            wins += counts[1] * (negativesBelow + counts[0] / 2.0);
            negativesBelow += counts[0];
        }
        return wins / ((double) positives * negatives);
    }
}
