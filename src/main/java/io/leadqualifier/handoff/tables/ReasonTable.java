package io.leadqualifier.handoff.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Workbook;

import io.leadqualifier.handoff.reasons.ReasonEvent;
import io.leadqualifier.handoff.reasons.SalesReason;

/**
 * Sheet {@value #SHEET}: one row per reason: Event (REJECTED or LOST), Code, Label, Free text (required? empty = no), Hold
 * (days) (how long a rejection keeps the lead from MQL without new intent; empty = 0).
 */
final class ReasonTable {
    static final String SHEET = "Reasons";
    static final List<String> LABELS = List.of("Event", "Code", "Label", "Free text", "Hold (days)");

    private ReasonTable() {
    }

    static List<Placed<SalesReason>> read(Workbook book, String file, List<TableProblem> problems) {
        List<Placed<SalesReason>> reasons = new ArrayList<>();
        for (DataRow row : DataSheet.rows(book, file, SHEET, LABELS, 3, problems)) {
            try {
                reasons.add(new Placed<>(new SalesReason(event(row.required("Event")), row.required("Code"), row.required("Label"),
                        row.yesNo("Free text", false), row.text("Hold (days)").isEmpty() ? 0 : row.wholeNumber("Hold (days)")), row));
            } catch (IllegalArgumentException e) {
                problems.add(row.problem(e.getMessage()));
            }
        }
        return reasons;
    }

    private static ReasonEvent event(String text) {
        try {
            return ReasonEvent.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Event '" + text + "' is not REJECTED or LOST");
        }
    }
}
