package io.leadqualifier.console.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.leadqualifier.policy.api.PolicyDiff;
import io.leadqualifier.policy.source.PolicyFile;

/**
 * A workbook as RevOps read it: each sheet's business rows under their column labels, without the technical rows
 * (RuleSet, RuleTable, templates). Read the way the diff reads it, so whatever tables a policy has are shown.
 */
public record WorkbookView(String path, List<SheetView> sheets) {

    /** One sheet: its column labels, then one line of cells per row (a rule, a scenario, a roster member). */
    public record SheetView(String name, List<String> columns, List<List<String>> rows) {
    }

    static WorkbookView of(PolicyFile file) {
        List<SheetView> sheets = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, String>>> sheet : PolicyDiff.tableRows(file.content()).entrySet()) {
            Set<String> columns = new LinkedHashSet<>();
            sheet.getValue().values().forEach(cells -> columns.addAll(cells.keySet()));
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, String> cells : sheet.getValue().values()) {
                rows.add(columns.stream().map(column -> cells.getOrDefault(column, "")).toList());
            }
            if (!rows.isEmpty()) {
                sheets.add(new SheetView(sheet.getKey(), List.copyOf(columns), rows));
            }
        }
        return new WorkbookView(file.path(), sheets);
    }
}
