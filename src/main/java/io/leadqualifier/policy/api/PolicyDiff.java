package io.leadqualifier.policy.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.drl.ast.descr.RuleDescr;

import io.leadqualifier.policy.source.CodeTokens;
import io.leadqualifier.policy.source.DrlSource;
import io.leadqualifier.policy.source.ParsedDrl;
import io.leadqualifier.policy.source.PolicyFile;

/**
 * What changed between two policy versions, in the terms RevOps use: for a decision table, the cells that
 * changed by rule (row) and column label, and the rows added or removed; for DRL, the rules added, removed
 * or changed, by name, as the engine's parser reads them (a rule in a comment is no rule; a change to comments or
 * layout alone is no change to a rule).
 */
public final class PolicyDiff {
    private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);

    /** One change; {@code summary} reads like {@code engagement-scoring.xlsx, DEMO_REQUEST, Points: 30 → 40}. */
    public record Change(String file, String kind, String sheet, String row, String column, String from, String to,
            String summary) {
    }

    private PolicyDiff() {
    }

    public static List<Change> between(List<PolicyFile> from, List<PolicyFile> to) {
        Map<String, PolicyFile> before = byPath(from);
        Map<String, PolicyFile> after = byPath(to);
        List<Change> changes = new ArrayList<>();
        for (String path : new TreeSet<>(union(before, after))) {
            PolicyFile a = before.get(path);
            PolicyFile b = after.get(path);
            if (a == null) {
                changes.add(new Change(path, "FILE_ADDED", null, null, null, null, null, path + " added"));
            } else if (b == null) {
                changes.add(new Change(path, "FILE_REMOVED", null, null, null, null, null, path + " removed"));
            } else if (!Arrays.equals(a.content(), b.content())) {
                if (path.endsWith(".xlsx")) {
                    tableChanges(path, a.content(), b.content(), changes);
                } else {
                    ruleChanges(path, text(a), text(b), changes);
                }
            }
        }
        return changes;
    }

    private static void tableChanges(String path, byte[] before, byte[] after, List<Change> changes) {
        Map<String, Map<String, Map<String, String>>> a = tableRows(before);
        Map<String, Map<String, Map<String, String>>> b = tableRows(after);
        String name = path.substring(path.lastIndexOf('/') + 1);
        int found = changes.size();
        for (String sheet : union(a, b)) {
            Map<String, Map<String, String>> rowsA = a.getOrDefault(sheet, Map.of());
            Map<String, Map<String, String>> rowsB = b.getOrDefault(sheet, Map.of());
            for (String row : union(rowsA, rowsB)) {
                Map<String, String> cellsA = rowsA.get(row);
                Map<String, String> cellsB = rowsB.get(row);
                if (cellsA == null) {
                    changes.add(new Change(path, "ROW_ADDED", sheet, row, null, null, null, name + ", " + row + " added"));
                } else if (cellsB == null) {
                    changes.add(new Change(path, "ROW_REMOVED", sheet, row, null, null, null, name + ", " + row + " removed"));
                } else {
                    for (String column : union(cellsA, cellsB)) {
                        String was = cellsA.getOrDefault(column, "");
                        String now = cellsB.getOrDefault(column, "");
                        if (!was.equals(now)) {
                            changes.add(new Change(path, "CELL_CHANGED", sheet, row, column, was, now, name + ", " + row + ", "
                                    + column + ": " + (was.isEmpty() ? "(empty)" : was) + " → " + (now.isEmpty() ? "(empty)" : now)));
                        }
                    }
                }
            }
        }
        if (changes.size() == found) {
            changes.add(new Change(path, "FILE_CHANGED", null, null, null, null, null,
                    name + " changed outside its table rows (formatting, notes or headers)"));
        }
    }

    /**
     * Sheet → row key → column label → value. A RuleTable's rows are keyed by rule name, its columns by the
     * label row under the templates; a scenario sheet's by scenario name under its "Scenario" header row; a data
     * table's (roster, calendars, reasons) by its first column under its header row, or by its first two
     * ({@code SDR / camille.durand}) when the first repeats.
     */
    public static Map<String, Map<String, Map<String, String>>> tableRows(byte[] workbook) {
        Map<String, Map<String, Map<String, String>>> sheets = new LinkedHashMap<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                sheets.put(sheet.getSheetName(), rows(sheet));
            }
        } catch (IOException | RuntimeException e) {
            sheets.put("(unreadable)", Map.of("(workbook)", Map.of("error", String.valueOf(e.getMessage()))));
        }
        return sheets;
    }

    private static Map<String, Map<String, String>> rows(Sheet sheet) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        int labelRow = -1;
        for (Row row : sheet) {
            for (Cell cell : row) {
                String value = TEXT.formatCellValue(cell).strip();
                if (value.startsWith("RuleTable")) {
                    labelRow = row.getRowNum() + 4;
                } else if (value.equals("Scenario") && labelRow < 0) {
                    labelRow = row.getRowNum();
                }
            }
        }
        if (labelRow < 0) {
            return dataRows(sheet);
        }
        Row labels = sheet.getRow(labelRow);
        if (labels == null) {
            return rows;
        }
        int keyColumn = labels.getFirstCellNum();
        for (int r = labelRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String key = row.getCell(keyColumn) == null ? "" : TEXT.formatCellValue(row.getCell(keyColumn)).strip();
            Map<String, String> cells = new LinkedHashMap<>();
            for (Cell label : labels) {
                Cell cell = row.getCell(label.getColumnIndex());
                String value = cell == null ? "" : TEXT.formatCellValue(cell).strip();
                if (!value.isEmpty()) {
                    cells.put(TEXT.formatCellValue(label).strip(), value);
                }
            }
            if (!cells.isEmpty()) {
                rows.put(key.isEmpty() ? "row " + (r + 1) : key, cells);
            }
        }
        return rows;
    }

    /**
     * A data sheet: its header row is the first with two labels or more that is not the notes row; each row below
     * is keyed by its first cell, or its first two cells when the first repeats in the sheet.
     */
    private static Map<String, Map<String, String>> dataRows(Sheet sheet) {
        Row labels = null;
        for (Row row : sheet) {
            List<String> values = new ArrayList<>();
            row.forEach(cell -> values.add(TEXT.formatCellValue(cell).strip()));
            values.removeIf(String::isEmpty);
            if (values.size() >= 2 && !values.get(0).equalsIgnoreCase("Notes")) {
                labels = row;
                break;
            }
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        if (labels == null) {
            return rows;
        }
        List<Integer> columns = new ArrayList<>();
        labels.forEach(cell -> {
            if (!TEXT.formatCellValue(cell).isBlank()) {
                columns.add(cell.getColumnIndex());
            }
        });
        List<Row> data = new ArrayList<>();
        Map<String, Integer> firsts = new HashMap<>();
        for (int r = labels.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            // A row with nothing in it (formatted, or emptied) is no entry: it keys nothing.
            if (row != null && columns.stream().anyMatch(column -> !cellText(row, column).isEmpty())) {
                data.add(row);
                firsts.merge(cellText(row, columns.get(0)), 1, Integer::sum);
            }
        }
        boolean twoColumnKeys = firsts.values().stream().anyMatch(count -> count > 1) || firsts.containsKey("");
        for (Row row : data) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int column : columns) {
                String value = cellText(row, column);
                if (!value.isEmpty()) {
                    cells.put(cellText(labels, column), value);
                }
            }
            if (cells.isEmpty()) {
                continue;
            }
            List<String> key = new ArrayList<>(List.of(cellText(row, columns.get(0))));
            if (twoColumnKeys && columns.size() > 1) {
                key.add(cellText(row, columns.get(1)));
            }
            key.removeIf(String::isEmpty);
            rows.put(key.isEmpty() ? "row " + (row.getRowNum() + 1) : String.join(" / ", key), cells);
        }
        return rows;
    }

    private static String cellText(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : TEXT.formatCellValue(cell).strip();
    }

    private static void ruleChanges(String path, String before, String after, List<Change> changes) {
        Map<String, String> a = rules(path, before);
        Map<String, String> b = rules(path, after);
        if (a == null || b == null) {
            changes.add(new Change(path, "FILE_CHANGED", null, null, null, null, null,
                    path + " changed (it does not parse " + (a == null ? "before" : "after")
                            + " the change: its rules cannot be compared)"));
            return;
        }
        int found = changes.size();
        for (String rule : union(a, b)) {
            String was = a.get(rule);
            String now = b.get(rule);
            if (was == null) {
                changes.add(new Change(path, "RULE_ADDED", null, rule, null, null, null, path + ", rule \"" + rule + "\" added"));
            } else if (now == null) {
                changes.add(new Change(path, "RULE_REMOVED", null, rule, null, null, null, path + ", rule \"" + rule + "\" removed"));
            } else if (!CodeTokens.normalised(was).equals(CodeTokens.normalised(now))) {
                changes.add(new Change(path, "RULE_CHANGED", null, rule, null, was, now, path + ", rule \"" + rule + "\" changed"));
            }
        }
        if (changes.size() == found) {
            changes.add(new Change(path, "FILE_CHANGED", null, null, null, null, null,
                    path + " changed outside its rules (package, imports, comments or layout)"));
        }
    }

    /**
     * Rule name → the rule as written, from {@code rule} to {@code end}, as the engine's parser reads the file (a rule
     * in a comment is no rule); null when the DRL does not parse.
     */
    public static Map<String, String> rules(String path, String drl) {
        ParsedDrl parsed = ParsedDrl.of(new DrlSource(path, null, drl));
        if (parsed.tree() == null) {
            return null;
        }
        Map<String, String> rules = new LinkedHashMap<>();
        for (RuleDescr rule : parsed.rules()) {
            rules.put(rule.getName(), parsed.text(rule));
        }
        return rules;
    }

    private static Map<String, PolicyFile> byPath(List<PolicyFile> files) {
        Map<String, PolicyFile> map = new LinkedHashMap<>();
        files.forEach(file -> map.put(file.path(), file));
        return map;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(key -> !a.containsKey(key)).forEach(keys::add);
        return keys;
    }

    private static String text(PolicyFile file) {
        return new String(file.content(), StandardCharsets.UTF_8);
    }

}
