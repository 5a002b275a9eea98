package io.leadqualifier.handoff.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import io.leadqualifier.handoff.calendar.BusinessCalendar;
import io.leadqualifier.handoff.calendar.BusinessCalendars;
import io.leadqualifier.handoff.reasons.RejectionReasons;
import io.leadqualifier.handoff.reasons.SalesReason;
import io.leadqualifier.handoff.roster.Roster;
import io.leadqualifier.handoff.roster.RosterMember;
import io.leadqualifier.handoff.tables.CalendarTables.CalendarRow;
import io.leadqualifier.handoff.tables.CalendarTables.ClosingRow;

/**
 * The hand-off tables of a policy: its roster, its business calendars and the reasons sales may give. Read from
 * any number of workbooks of each kind, taken together (a member, calendar or reason written twice, in one
 * workbook or two, is a problem).
 */
public record HandoffTables(Roster roster, BusinessCalendars calendars, RejectionReasons rejectionReasons) {
    /** No tables: nobody to assign, no calendar, no reason. */
    public static final HandoffTables NONE = new HandoffTables(Roster.empty(), BusinessCalendars.none(), RejectionReasons.none());

    /** The tables read and the problems found; with any problem, the tables must not be used. */
    public record Loaded(HandoffTables tables, List<TableProblem> problems) {
    }

    /**
     * Reads the tables.
     *
     * @param rosters   workbooks with a {@code Roster} sheet
     * @param calendars workbooks with a {@code Calendars} sheet and a {@code Closing days} sheet
     * @param reasons   workbooks with a {@code Reasons} sheet
     */
    public static Loaded read(List<TableWorkbook> rosters, List<TableWorkbook> calendars, List<TableWorkbook> reasons) {
        List<TableProblem> problems = new ArrayList<>();
        List<Placed<RosterMember>> members = new ArrayList<>();
        List<Placed<CalendarRow>> calendarRows = new ArrayList<>();
        List<Placed<ClosingRow>> closingRows = new ArrayList<>();
        List<Placed<SalesReason>> reasonRows = new ArrayList<>();
        for (TableWorkbook workbook : rosters) {
            open(workbook, problems, book -> members.addAll(RosterTable.read(book, workbook.path(), problems)));
        }
        for (TableWorkbook workbook : calendars) {
            open(workbook, problems, book -> {
                calendarRows.addAll(CalendarTables.calendars(book, workbook.path(), problems));
                closingRows.addAll(CalendarTables.closingDays(book, workbook.path(), problems));
            });
        }
        for (TableWorkbook workbook : reasons) {
            open(workbook, problems, book -> reasonRows.addAll(ReasonTable.read(book, workbook.path(), problems)));
        }
        Roster roster = Roster.of(values(unique(members, m -> m.queue() + "\n" + m.member().toLowerCase(Locale.ROOT),
                m -> m.member() + " is listed twice in queue " + m.queue(), problems)));
        BusinessCalendars businessCalendars = calendars(unique(calendarRows, c -> c.name().toLowerCase(Locale.ROOT),
                c -> "two calendars are named " + c.name(), problems), closingRows, problems);
        RejectionReasons rejectionReasons = RejectionReasons.of(values(unique(reasonRows, r -> r.event() + " " + r.code(),
                r -> "reason " + r.code() + " is listed twice for " + r.event(), problems)));
        return new Loaded(new HandoffTables(roster, businessCalendars, rejectionReasons), List.copyOf(problems));
    }

    private static void open(TableWorkbook workbook, List<TableProblem> problems, Consumer<Workbook> reader) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook.content()))) {
            reader.accept(book);
        } catch (IOException | RuntimeException e) {
            problems.add(new TableProblem(workbook.path(), null, 0, "not a readable workbook: " + e.getMessage()));
        }
    }

    /** The values whose key was not seen before; each repeat is a problem on its row, naming the row it repeats. */
    private static <T> List<Placed<T>> unique(List<Placed<T>> placed, Function<T, String> key, Function<T, String> message,
            List<TableProblem> problems) {
        Map<String, DataRow> seen = new HashMap<>();
        List<Placed<T>> kept = new ArrayList<>();
        for (Placed<T> item : placed) {
            DataRow first = seen.putIfAbsent(key.apply(item.value()), item.row());
            if (first == null) {
                kept.add(item);
            } else {
                problems.add(item.row().problem(message.apply(item.value()) + " (also " + first.seenFrom(item.row()) + ")"));
            }
        }
        return kept;
    }

    private static <T> List<T> values(List<Placed<T>> placed) {
        return placed.stream().map(Placed::value).toList();
    }

    private static BusinessCalendars calendars(List<Placed<CalendarRow>> rows, List<Placed<ClosingRow>> closing, List<TableProblem> problems) {
        Map<String, Set<LocalDate>> closingDays = new LinkedHashMap<>();
        rows.forEach(row -> closingDays.put(row.value().name().toLowerCase(Locale.ROOT), new HashSet<>()));
        for (Placed<ClosingRow> row : closing) {
            String calendar = row.value().calendar();
            if (calendar == null) {
                closingDays.values().forEach(days -> days.addAll(row.value().days()));
            } else if (closingDays.containsKey(calendar.toLowerCase(Locale.ROOT))) {
                closingDays.get(calendar.toLowerCase(Locale.ROOT)).addAll(row.value().days());
            } else {
                problems.add(row.row().problem("Calendar '" + calendar + "' is not in sheet " + CalendarTables.CALENDARS + " (there: "
                        + String.join(", ", rows.stream().map(r -> r.value().name()).toList()) + ")"));
            }
        }
        List<BusinessCalendar> calendars = new ArrayList<>();
        for (CalendarRow row : values(rows)) {
            calendars.add(new BusinessCalendar(row.name(), row.zone(), row.hours(), row.holidays(),
                    closingDays.get(row.name().toLowerCase(Locale.ROOT))));
        }
        return BusinessCalendars.of(calendars);
    }
}
