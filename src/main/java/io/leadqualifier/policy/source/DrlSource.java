package io.leadqualifier.policy.source;

import java.util.Map;

/**
 * DRL as given to the engine: a DRL file as written, or the DRL generated from one sheet of a decision table.
 *
 * @param file  the policy file it comes from
 * @param sheet the sheet, for a decision table; null for a DRL file
 * @param drl   the DRL text
 */
public record DrlSource(String file, String sheet, String drl) {

    /** Where a line of this DRL is for a human: a line of a DRL file, or the sheet row and rule of a table. */
    public String locate(int line) {
        return sheet == null ? "line " + line : ParsedDrl.of(this).locate(line);
    }

    /** For a decision-table sheet: each rule it generated, and where its row is ("sheet Fit, row 12"). */
    public Map<String, String> ruleRows() {
        return sheet == null ? Map.of() : ParsedDrl.of(this).ruleRows();
    }
}
