package io.leadqualifier.workbooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every workbook of the default policy, as code. {@code ./mvnw -Pbench test-compile exec:exec
 * -Dbench.main=io.leadqualifier.workbooks.ShippedWorkbooks -Dbench.args=decision-tables} writes them into the folder
 * given, guided: technical rows hidden and locked, sheets protected without a password, drop-downs on the columns of
 * listed values, labels frozen, one page wide when printed. {@code ShippedWorkbooksTest} checks that the workbooks in the
 * repository have all that and hold the cells written here.
 */
public final class ShippedWorkbooks {
    private ShippedWorkbooks() {
    }

    /** File name → its bytes, as shipped. */
    public static Map<String, Supplier<byte[]>> all() {
        Map<String, Supplier<byte[]>> all = new LinkedHashMap<>(rules(true));
        all.put("qualification-scenarios.xlsx", ShippedScenarios::scenarios);
        all.put("sales-roster.xlsx", ShippedTables::roster);
        all.put("business-calendars.xlsx", ShippedTables::calendars);
        all.put("rejection-reasons.xlsx", ShippedTables::reasons);
        return all;
    }

    /** The decision tables, guided as shipped or plain: the same cells and nothing else. */
    public static Map<String, Supplier<byte[]>> rules(boolean guided) {
        Map<String, Supplier<byte[]>> rules = new LinkedHashMap<>();
        rules.put("engagement-scoring.xlsx", () -> ShippedRuleTables.engagement(guided));
        rules.put("fit-scoring.xlsx", () -> ShippedRuleTables.fit(guided));
        rules.put("knock-outs.xlsx", () -> ShippedRuleTables.knockOuts(guided));
        rules.put("stage-thresholds.xlsx", () -> ShippedRuleTables.stageThresholds(guided));
        rules.put("routing.xlsx", () -> ShippedRuleTables.routing(guided));
        rules.put("handoff-sla.xlsx", () -> ShippedRuleTables.handoffSla(guided));
        return rules;
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "decision-tables");
        for (Map.Entry<String, Supplier<byte[]>> workbook : all().entrySet()) {
            Files.write(folder.resolve(workbook.getKey()), workbook.getValue().get());
        }
    }
}
