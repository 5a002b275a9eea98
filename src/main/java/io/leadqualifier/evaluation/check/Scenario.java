package io.leadqualifier.evaluation.check;

import java.util.ArrayList;
import java.util.List;

import io.leadqualifier.facts.Lead;
import io.leadqualifier.facts.Outcome;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * A business test case RevOps write: a lead, and what the policy must decide for it. Empty expectations
 * are not checked.
 *
 * @param place where it is written: {@code sheet Scenarios, row 7 "Hot MQL"}
 */
public record Scenario(String name, String place, Lead lead, Stage stage, Route route, Temperature temperature,
        Integer total, Integer fit, Integer engagement) {

    /** What differs between the expectations and the outcome; empty when the scenario passes. */
    public List<String> differences(Outcome outcome) {
        List<String> differences = new ArrayList<>();
        compare(differences, "stage", stage, outcome.getStage());
        compare(differences, "route", route, outcome.getRoute());
        compare(differences, "temperature", temperature, outcome.getTemperature());
        compare(differences, "total", total, outcome.getTotal());
        compare(differences, "fit", fit, outcome.getFit());
        compare(differences, "engagement", engagement, outcome.getEngagement());
        return differences;
    }

    public boolean expectsSomething() {
        return stage != null || route != null || temperature != null || total != null || fit != null || engagement != null;
    }

    private static void compare(List<String> differences, String what, Object expected, Object actual) {
        if (expected != null && !expected.equals(actual)) {
            differences.add("expected " + what + " " + expected + ", got " + actual);
        }
    }
}
