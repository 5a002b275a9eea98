package io.leadqualifier.policy;

/**
 * DRL as given to the engine: a DRL file as written, or the DRL generated from one sheet of a decision table.
 *
 * @param file  the policy file it comes from
 * @param sheet the sheet, for a decision table; null for a DRL file
 * @param drl   the DRL text
 */
public record DrlSource(String file, String sheet, String drl) {

    /** Where a line of this DRL is for a human: a line of a DRL file, or the sheet row of a table. */
    public String locate(int line) {
        if (sheet == null) {
            return "line " + line;
        }
        String[] lines = drl.split("\n", -1);
        String rule = null;
        // The decision-table compiler writes "// rule values at C12, header at C7" before each rule it makes of a row.
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            String text = lines[i].strip();
            if (rule == null && text.startsWith("rule ")) {
                rule = text.substring(5).strip();
            }
            if (text.startsWith("// rule values at")) {
                String cells = text.substring("// rule values at".length()).strip();
                int comma = cells.indexOf(',');
                return "sheet " + sheet + ", row starting at cell " + (comma < 0 ? cells : cells.substring(0, comma))
                        + (rule == null ? "" : ", rule " + rule);
            }
        }
        return "sheet " + sheet + ", the RuleSet/Import/Variables header";
    }

    /** For a decision-table sheet: each rule it generated, and where its row is ("sheet Fit, row 12"). */
    public java.util.Map<String, String> ruleRows() {
        java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
        if (sheet == null) {
            return rows;
        }
        String cell = null;
        for (String line : drl.split("\n")) {
            String text = line.strip();
            if (text.startsWith("// rule values at")) {
                String cells = text.substring("// rule values at".length()).strip();
                int comma = cells.indexOf(',');
                cell = comma < 0 ? cells : cells.substring(0, comma);
            } else if (cell != null && text.startsWith("rule ")) {
                String name = text.substring(5).strip();
                if (name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                rows.put(name, "sheet " + sheet + ", row " + cell.replaceAll("^[A-Z]+", ""));
                cell = null;
            }
        }
        return rows;
    }
}
