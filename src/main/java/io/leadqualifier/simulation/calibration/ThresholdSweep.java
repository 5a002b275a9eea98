package io.leadqualifier.simulation.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the MQL threshold would do at other values. A lead reaches sales at threshold T when the policy made it
 * SQL or OPPORTUNITY, or made it LEAD or MQL with a total of at least T (DISQUALIFIED never does). The current
 * volume is the number of leads the policy made MQL, SQL or OPPORTUNITY. Thresholds go every 5 points from the
 * lowest to the highest total of a LEAD or MQL lead.
 *
 * @param suggested the threshold that best separates converters at about the current volume: of the thresholds
 *                  whose volume is within ±10 % of the current volume, the one with the highest F1 (then the volume
 *                  closest to the current one, then the higher threshold); when none is within ±10 %, the one whose
 *                  volume is closest. A suggestion only: nothing changes the policy.
 */
public record ThresholdSweep(long currentVolume, List<Point> points, Point suggested, String criterion) {
    static final int STEP = 5;
    static final double VOLUME_TOLERANCE = 0.10;
    static final String CRITERION = "highest F1 among thresholds whose volume is within ±10 % of the current volume"
            + " (then the volume closest to it, then the higher threshold); none within ±10 %: the volume closest to it";

    /**
     * One threshold value.
     *
     * @param volume    leads that would reach sales
     * @param converted converters among them
     * @param precision {@code converted / volume}; null at volume 0
     * @param recall    {@code converted / all converters}; null without converters
     * @param f1        the harmonic mean of precision and recall; null when either is null or both are 0
     */
    public record Point(int threshold, long volume, long converted, Double precision, Double recall, Double f1) {
    }

    static ThresholdSweep of(OutcomeTally tally) {
        List<Point> points = new ArrayList<>();
        if (!tally.thresholdDecided.isEmpty()) {
            int low = Math.floorDiv(tally.thresholdDecided.firstKey(), STEP) * STEP;
            int high = Math.floorDiv(tally.thresholdDecided.lastKey() + STEP - 1, STEP) * STEP;
            for (int threshold = low; threshold <= high; threshold += STEP) {
                points.add(point(tally, threshold));
            }
        }
        return new ThresholdSweep(tally.atSales, points, suggest(points, tally.atSales), CRITERION);
    }

    private static Point point(OutcomeTally tally, int threshold) {
        long volume = tally.beyondThreshold[0] + tally.beyondThreshold[1];
        long converted = tally.beyondThreshold[1];
        for (Map.Entry<Integer, long[]> entry : tally.thresholdDecided.tailMap(threshold, true).entrySet()) {
            volume += entry.getValue()[0] + entry.getValue()[1];
            converted += entry.getValue()[1];
        }
        Double precision = volume == 0 ? null : (double) converted / volume;
        Double recall = tally.converted == 0 ? null : (double) converted / tally.converted;
        Double f1 = precision == null || recall == null || precision + recall == 0 ? null
                : 2 * precision * recall / (precision + recall);
        return new Point(threshold, volume, converted, precision, recall, f1);
    }

    private static Point suggest(List<Point> points, long currentVolume) {
        Comparator<Point> closest = Comparator.comparingLong(point -> Math.abs(point.volume() - currentVolume));
        List<Point> near = points.stream()
                .filter(point -> Math.abs(point.volume() - currentVolume) <= VOLUME_TOLERANCE * currentVolume).toList();
        if (near.isEmpty()) {
            return points.stream().min(closest.thenComparing(Point::threshold, Comparator.reverseOrder())).orElse(null);
        }
        Comparator<Point> best = Comparator.comparing((Point point) -> point.f1() == null ? -1 : point.f1()).reversed()
                .thenComparing(closest).thenComparing(Point::threshold, Comparator.reverseOrder());
        return near.stream().min(best).orElse(null);
    }
}
