package io.leadqualifier.workbooks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a column of a shipped sheet accepts: the data validation that shows it to whoever edits a cell of it. */
public sealed interface Allowed {

    /**
     * One value of a list, picked from a drop-down. Strict when the list is code (an enum of the fact model, a keyword
     * the reader knows): anything else is refused. Not strict when the list is written in another workbook RevOps edit
     * (the roster's queues, the calendars): anything else is questioned with {@code otherwise}, and may be kept.
     *
     * @param what      the kind of value, for messages: "stage"
     * @param otherwise for a list that is not strict, when a value outside it is right; null when strict
     */
    record OneOf(String what, List<String> values, String otherwise) implements Allowed {
        public boolean strict() {
            return otherwise == null;
        }
    }

    /** One value of a column of another sheet of the same workbook ({@code range}: {@code Calendars!$B$4:$B$103}). */
    record OneOfRange(String what, String range) implements Allowed {
    }

    /**
     * One or several values of a list, separated by commas ({@code C_LEVEL, VP, DIRECTOR}). A drop-down picks one value
     * only, so a formula checks that each is in the list, and the cell's input message names them.
     */
    record SeveralOf(String what, List<String> values) implements Allowed {
    }

    /** A whole number from {@code min}, up to {@code max} (null: no upper bound). */
    record WholeNumber(long min, Long max) implements Allowed {
    }

    static OneOf oneOf(Class<? extends Enum<?>> type) {
        return new OneOf(what(type), names(type), null);
    }

    static SeveralOf severalOf(Class<? extends Enum<?>> type) {
        return new SeveralOf(what(type), names(type));
    }

    /** A list read from another workbook: other values are asked about, not refused. */
    static OneOf suggested(String what, List<String> values, String otherwise) {
        return new OneOf(what, List.copyOf(values), otherwise);
    }

    /** The flags of a decision table, as the rule templates compare them ({@code bant.need == true}). */
    static OneOf trueFalse() {
        return new OneOf("true/false value", List.of("true", "false"), null);
    }

    /** The flags of a data workbook. */
    static OneOf yesNo() {
        return new OneOf("yes/no value", List.of("yes", "no"), null);
    }

    static WholeNumber wholeNumber(long min) {
        return new WholeNumber(min, null);
    }

    static WholeNumber wholeNumber(long min, long max) {
        return new WholeNumber(min, max);
    }

    static WholeNumber anyWholeNumber() {
        return new WholeNumber(-1_000_000, 1_000_000L);
    }

    static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static String what(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
