package io.leadqualifier.console.simulation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.leadqualifier.console.Chart;
import io.leadqualifier.simulation.calibration.Calibration;
import io.leadqualifier.simulation.calibration.ThresholdSweep;
import io.leadqualifier.simulation.report.SimulationReport;

/** The calibration of a simulation report as charts: conversion per score band, and the candidate's MQL threshold sweep. */
final class CalibrationCharts {

    private CalibrationCharts() {
    }

    /** Each policy's conversion rate (%) per score band, over the bands either has. */
    static Chart bands(SimulationReport.Calibrations calibration) {
        Set<String> bands = new LinkedHashSet<>();
        calibration.baseline().byScoreBand().forEach(group -> bands.add(group.value()));
        calibration.candidate().byScoreBand().forEach(group -> bands.add(group.value()));
        List<String> sorted = new ArrayList<>(bands);
        sorted.sort((a, b) -> Integer.compare(low(a), low(b)));
        return new Chart("Conversion per score band (%)", false, sorted, List.of(
                new Chart.Series("Serving", rates(calibration.baseline(), sorted), null, true),
                new Chart.Series("Candidate", rates(calibration.candidate(), sorted), null, true)));
    }

    /** Under the candidate: leads reaching sales per MQL threshold (bars), and precision, recall and F1 (%). */
    static Chart sweep(ThresholdSweep sweep) {
        List<String> thresholds = sweep.points().stream().map(point -> String.valueOf(point.threshold())).toList();
        return new Chart("MQL threshold sweep (candidate)", false, thresholds, List.of(
                new Chart.Series("Leads reaching sales", sweep.points().stream().map(ThresholdSweep.Point::volume).toList(), null, false),
                new Chart.Series("Precision", sweep.points().stream().map(point -> percent(point.precision())).toList(), null, true),
                new Chart.Series("Recall", sweep.points().stream().map(point -> percent(point.recall())).toList(), null, true),
                new Chart.Series("F1", sweep.points().stream().map(point -> percent(point.f1())).toList(), null, true)));
    }

    private static List<Double> rates(Calibration calibration, List<String> bands) {
        return bands.stream().map(band -> calibration.byScoreBand().stream().filter(group -> group.value().equals(band)).findFirst()
                .map(group -> percent(group.rate())).orElse(null)).toList();
    }

    static Double percent(Double fraction) {
        return fraction == null ? null : Math.round(fraction * 1000) / 10.0;
    }

    private static int low(String band) {
        try {
            return Integer.parseInt(band.substring(0, band.indexOf('-', 1)));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
