package io.leadqualifier.handoff.tables;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;

import io.leadqualifier.handoff.roster.RosterMember;

/** Sheet {@value #SHEET}: one row per member of a queue: Queue, Member, Weight, Active (empty = yes). */
final class RosterTable {
    static final String SHEET = "Roster";
    static final List<String> LABELS = List.of("Queue", "Member", "Weight", "Active");

    private RosterTable() {
    }

    static List<Placed<RosterMember>> read(Workbook book, String file, List<TableProblem> problems) {
        List<Placed<RosterMember>> members = new ArrayList<>();
        for (DataRow row : DataSheet.rows(book, file, SHEET, LABELS, 3, problems)) {
            try {
                members.add(new Placed<>(new RosterMember(row.required("Queue"), row.required("Member"), weight(row),
                        row.yesNo("Active", true)), row));
            } catch (IllegalArgumentException e) {
                problems.add(row.problem(e.getMessage()));
            }
        }
        return members;
    }

    private static int weight(DataRow row) {
        int weight = row.wholeNumber("Weight");
        if (weight < 1 || weight > RosterMember.MAX_WEIGHT) {
            throw new IllegalArgumentException("Weight " + weight + " is not from 1 to " + RosterMember.MAX_WEIGHT
                    + ": it is the member's share of the queue's hand-offs (0 or less would give them none; set Active to no instead)");
        }
        return weight;
    }
}
