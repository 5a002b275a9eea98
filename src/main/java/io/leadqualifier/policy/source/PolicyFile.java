package io.leadqualifier.policy.source;

import java.util.Arrays;

/**
 * One file of a policy.
 *
 * @param path    relative to the policy directory, with '/' separators: {@code rules/routing.drl},
 *                {@code decision-tables/fit-scoring.xlsx}
 * @param content the bytes as stored
 */
public record PolicyFile(String path, byte[] content) {

    /** Workbooks named {@code *-scenarios.xlsx} hold business test cases, not rules. */
    public static final String SCENARIOS_SUFFIX = "-scenarios.xlsx";
    /** Data tables, not rules: who receives hand-offs ({@code sales-roster.xlsx}). */
    public static final String ROSTER_SUFFIX = "-roster.xlsx";
    /** Data tables, not rules: business hours, holidays and closing days ({@code business-calendars.xlsx}). */
    public static final String CALENDARS_SUFFIX = "-calendars.xlsx";
    /** Data tables, not rules: the reasons sales may give ({@code rejection-reasons.xlsx}). */
    public static final String REASONS_SUFFIX = "-reasons.xlsx";

    /** A workbook of rules: any other {@code .xlsx}. */
    public boolean isDecisionTable() {
        return path.endsWith(".xlsx") && !isScenarios() && !isDataTable();
    }

    public boolean isScenarios() {
        return path.endsWith(SCENARIOS_SUFFIX);
    }

    /** A roster, calendars or reasons workbook: data the policy carries, never compiled as rules. */
    public boolean isDataTable() {
        return isRoster() || isCalendars() || isReasons();
    }

    public boolean isRoster() {
        return path.endsWith(ROSTER_SUFFIX);
    }

    public boolean isCalendars() {
        return path.endsWith(CALENDARS_SUFFIX);
    }

    public boolean isReasons() {
        return path.endsWith(REASONS_SUFFIX);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyFile file && file.path.equals(path) && Arrays.equals(file.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return path + " (" + content.length + " bytes)";
    }
}
