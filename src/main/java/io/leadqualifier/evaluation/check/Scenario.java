package io.leadqualifier.evaluation.check;

import java.util.ArrayList;
import java.util.List;

import io.leadqualifier.evaluation.Ledger;
import io.leadqualifier.facts.Lead;
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

    /** What differs between the expectations and the decided; empty when the scenario passes. */
    public List<String> differences(Ledger decided) {
        List<String> differences = new ArrayList<>();
        compare(differences, "stage", stage, decided.stage());
        compare(differences, "route", route, decided.route());
        compare(differences, "temperature", temperature, decided.temperature());
        compare(differences, "total", total, decided.total());
        compare(differences, "fit", fit, decided.fit());
        compare(differences, "engagement", engagement, decided.engagement());
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
