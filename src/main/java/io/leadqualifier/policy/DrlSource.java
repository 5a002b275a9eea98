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
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            String text = lines[i].strip();
            if (rule == null && text.startsWith("rule ")) {
                rule = text.substring(5).strip();
            }
            String cell = rowCell(text);
            if (cell != null) {
                return "sheet " + sheet + ", row starting at cell " + cell + (rule == null ? "" : ", rule " + rule);
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
            String rowStart = rowCell(text);
            if (rowStart != null) {
                cell = rowStart;
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

    /** The first cell of the table row a generated rule comes from ("C12"), if this DRL line names one. */
    private static String rowCell(String line) {
        // The decision-table compiler writes "// rule values at C12, header at C7" before each rule it makes of a row.
        if (!line.startsWith("// rule values at")) {
            return null;
        }
        String cells = line.substring("// rule values at".length()).strip();
        int comma = cells.indexOf(',');
        return comma < 0 ? cells : cells.substring(0, comma);
    }
}
