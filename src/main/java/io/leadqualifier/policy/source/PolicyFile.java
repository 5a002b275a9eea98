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

    public boolean isDecisionTable() {
        return path.endsWith(".xlsx") && !isScenarios();
    }

    public boolean isScenarios() {
        return path.endsWith(SCENARIOS_SUFFIX);
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
