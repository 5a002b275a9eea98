package io.leadqualifier.policy.source;

/**
 * Something a check found in a policy.
 *
 * @param severity ERROR keeps the policy from serving; WARNING and INFO are reported only
 * @param file     the policy file, e.g. {@code decision-tables/fit-scoring.xlsx}, or {@code policy} for the whole
 * @param location where in it: {@code line 12, column 4}, or a sheet, row and cell; null for the whole file
 * @param message  what is wrong
 */
public record PolicyProblem(Severity severity, String file, String location, String message) {

    /** How bad a finding is. */
    public enum Severity {
        ERROR, WARNING, INFO
    }

    /** An error: the policy cannot serve. */
    public PolicyProblem(String file, String location, String message) {
        this(Severity.ERROR, file, location, message);
    }

    public static PolicyProblem warning(String file, String location, String message) {
        return new PolicyProblem(Severity.WARNING, file, location, message);
    }

    public static PolicyProblem info(String file, String location, String message) {
        return new PolicyProblem(Severity.INFO, file, location, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (severity == Severity.ERROR ? "" : severity + " ") + file + (location == null ? "" : " (" + location + ")") + ": "
                + message;
    }
}
