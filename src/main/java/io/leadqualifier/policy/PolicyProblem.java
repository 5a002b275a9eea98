package io.leadqualifier.policy;

/**
 * Something wrong with a policy file.
 *
 * @param file     the policy file, e.g. {@code decision-tables/fit-scoring.xlsx}
 * @param location where in it: {@code line 12, column 4}, or a sheet, row and cell; null when the
 *                 problem concerns the whole file
 * @param message  what is wrong, in the engine's words
 */
public record PolicyProblem(String file, String location, String message) {

    @Override
    public String toString() {
        return file + (location == null ? "" : " (" + location + ")") + ": " + message;
    }
}
