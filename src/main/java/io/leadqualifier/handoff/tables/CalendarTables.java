package io.leadqualifier.handoff.tables;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Workbook;

import io.leadqualifier.handoff.calendar.OpeningHours;
import io.leadqualifier.handoff.calendar.PublicHolidays;
import io.leadqualifier.handoff.calendar.WeeklyHours;

/**
 * Sheet {@value #CALENDARS}: one row per calendar: Calendar (its name), Time zone (IANA, e.g. Europe/Paris), Public
 * holidays (FR, DE-BY, US-NY; empty = none), and a column per day, Monday to Sunday, with its opening hours
 * ({@code 09:00-12:30, 13:30-18:00}; empty = closed). Sheet {@value #CLOSING_DAYS}: Calendar (empty = every
 * calendar), Date, Until (a last day, for a closing period), Note; a workbook may leave it out.
 */
final class CalendarTables {
    static final String CALENDARS = "Calendars";
    static final String CLOSING_DAYS = "Closing days";
    /** The longest closing period one row may give. */
    static final int MAX_CLOSING_DAYS = 366;
    private static final List<String> DAYS = Arrays.stream(DayOfWeek.values())
            .map(day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList();

    /** A calendar as written, before its closing days are known. */
    record CalendarRow(String name, ZoneId zone, WeeklyHours hours, PublicHolidays holidays) {
    }

    /** Closing days of one calendar (null: every calendar). */
    record ClosingRow(String calendar, List<LocalDate> days) {
    }

    private CalendarTables() {
    }

    static List<Placed<CalendarRow>> calendars(Workbook book, String file, List<TableProblem> problems) {
        List<String> labels = new ArrayList<>(List.of("Calendar", "Time zone", "Public holidays"));
        labels.addAll(DAYS);
        List<Placed<CalendarRow>> calendars = new ArrayList<>();
        for (DataRow row : DataSheet.rows(book, file, CALENDARS, labels, 2, problems)) {
            try {
                String name = row.required("Calendar");
                ZoneId zone = zone(row.required("Time zone"));
                PublicHolidays holidays = holidays(row.text("Public holidays"));
                Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
                for (DayOfWeek day : DayOfWeek.values()) {
                    String label = DAYS.get(day.ordinal());
                    try {
                        days.put(day, WeeklyHours.parseDay(row.text(label)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(label + ": " + e.getMessage());
                    }
                }
                WeeklyHours hours = WeeklyHours.of(days);
                if (hours.isAlwaysClosed()) {
                    throw new IllegalArgumentException("calendar " + name + " has no opening hours on any day (Monday to Sunday are empty)");
                }
                calendars.add(new Placed<>(new CalendarRow(name, zone, hours, holidays), row));
            } catch (IllegalArgumentException e) {
                problems.add(row.problem(e.getMessage()));
            }
        }
        return calendars;
    }

    static List<Placed<ClosingRow>> closingDays(Workbook book, String file, List<TableProblem> problems) {
        List<Placed<ClosingRow>> closing = new ArrayList<>();
        for (DataRow row : DataSheet.rows(book, file, CLOSING_DAYS, List.of("Calendar", "Date", "Until", "Note"), 2, false, problems)) {
            try {
                LocalDate date = row.date("Date");
                if (date == null) {
                    throw new IllegalArgumentException("Date is empty");
                }
                LocalDate until = row.date("Until");
                if (until == null) {
                    until = date;
                }
                if (until.isBefore(date)) {
                    throw new IllegalArgumentException("Until " + until + " is before Date " + date);
                }
                if (date.plusDays(MAX_CLOSING_DAYS).isBefore(until)) {
                    throw new IllegalArgumentException("a closing period of more than " + MAX_CLOSING_DAYS + " days (" + date + " to " + until + ")");
                }
                String calendar = row.text("Calendar");
                closing.add(new Placed<>(new ClosingRow(calendar.isEmpty() ? null : calendar, date.datesUntil(until.plusDays(1)).toList()), row));
            } catch (IllegalArgumentException e) {
                problems.add(row.problem(e.getMessage()));
            }
        }
        return closing;
    }

    private static ZoneId zone(String text) {
        ZoneId zone;
        try {
            zone = ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Time zone '" + text + "' is not a time zone: write its IANA name, such as Europe/Paris"
                    + " or America/New_York");
        }
        if (zone instanceof ZoneOffset || text.matches("(?i)(UTC|GMT|UT)[+-].*")) {
            throw new IllegalArgumentException("Time zone '" + text + "' is a fixed offset, which ignores daylight saving time: write"
                    + " the IANA name of a place, such as Europe/Paris");
        }
        return zone;
    }

    private static PublicHolidays holidays(String text) {
        try {
            return PublicHolidays.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Public holidays " + e.getMessage());
        }
    }
}
