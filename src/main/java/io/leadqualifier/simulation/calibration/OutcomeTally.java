package io.leadqualifier.simulation.calibration;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * Counts, for one policy, the leads whose outcome is known by the verdict the policy gave them: per stage, per
 * temperature, per score band and per total score. One lead is added once (its last verdict in the population).
 * Memory grows with the number of distinct totals, not of leads.
 */
public final class OutcomeTally {
    /** Width of a score band: 0–9, 10–19, … */
    public static final int BAND = 10;

    final Map<Stage, long[]> byStage = new EnumMap<>(Stage.class);
    final Map<Temperature, long[]> byTemperature = new EnumMap<>(Temperature.class);
    final TreeMap<Integer, long[]> byBand = new TreeMap<>();
    /** Every lead by its total: what the AUC ranks. */
    final TreeMap<Integer, long[]> byTotal = new TreeMap<>();
    /** LEAD and MQL leads by their total: those the MQL threshold decides. */
    final TreeMap<Integer, long[]> thresholdDecided = new TreeMap<>();
    /** SQL and OPPORTUNITY leads: they reach sales whatever the MQL threshold. */
    final long[] beyondThreshold = new long[2];
    long leads;
    long converted;
    long atSales;

    /** Adds one lead's verdict and whether it converted. */
    public void add(Stage stage, Temperature temperature, int total, boolean convertedLead) {
        int index = convertedLead ? 1 : 0;
        leads++;
        converted += index;
        count(byStage.computeIfAbsent(stage, s -> new long[2]), index);
        count(byTemperature.computeIfAbsent(temperature, t -> new long[2]), index);
        count(byBand.computeIfAbsent(Math.floorDiv(total, BAND) * BAND, b -> new long[2]), index);
        count(byTotal.computeIfAbsent(total, t -> new long[2]), index);
        switch (stage) {
            case LEAD, MQL -> count(thresholdDecided.computeIfAbsent(total, t -> new long[2]), index);
            case SQL, OPPORTUNITY -> count(beyondThreshold, index);
            case DISQUALIFIED -> { }
        }
        if (stage == Stage.MQL || stage == Stage.SQL || stage == Stage.OPPORTUNITY) {
            atSales++;
        }
    }

    public long leads() {
        return leads;
    }

    /** {@code [not converted, converted]}, counted. */
    private static void count(long[] counts, int index) {
        counts[0] += 1 - index;
        counts[1] += index;
    }
}
