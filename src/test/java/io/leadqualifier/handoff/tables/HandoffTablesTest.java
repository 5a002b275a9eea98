package io.leadqualifier.handoff.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadqualifier.handoff.calendar.BusinessCalendar;
import io.leadqualifier.handoff.reasons.ReasonEvent;
import io.leadqualifier.handoff.roster.RosterMember;
import io.leadqualifier.workbooks.DataWorkbook;

/** Reading the roster, calendars and reasons workbooks; every problem names its file, sheet and row. */
class HandoffTablesTest {
    private static final String ROSTER = "decision-tables/sales-roster.xlsx";
    private static final String CALENDARS = "decision-tables/business-calendars.xlsx";
    private static final String REASONS = "decision-tables/rejection-reasons.xlsx";

    private static TableWorkbook shipped(String path) throws IOException {
        return new TableWorkbook(path, Files.readAllBytes(Path.of(path)));
    }

    private static HandoffTables.Loaded roster(byte[] workbook) {
        return HandoffTables.read(List.of(new TableWorkbook(ROSTER, workbook)), List.of(), List.of());
    }

    private static HandoffTables.Loaded calendars(byte[] workbook) {
        return HandoffTables.read(List.of(), List.of(new TableWorkbook(CALENDARS, workbook)), List.of());
    }

    private static DataWorkbook.Rows rosterSheet() {
        return DataWorkbook.create().sheet("Roster", "notes", "Queue", "Member", "Weight", "Active");
    }

    private static DataWorkbook.Rows calendarSheet() {
        return DataWorkbook.create().sheet("Calendars", "notes", "Calendar", "Time zone", "Public holidays", "Monday", "Tuesday",
                "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    }

    private static void assertSingleProblem(HandoffTables.Loaded loaded, String file, String location, String message) {
        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.location()).isEqualTo(location);
            assertThat(problem.message()).isEqualTo(message);
        });
    }

    @Test
    void theShippedTablesLoad() throws IOException {
        HandoffTables.Loaded loaded = HandoffTables.read(List.of(shipped(ROSTER)), List.of(shipped(CALENDARS)), List.of(shipped(REASONS)));

        assertThat(loaded.problems()).isEmpty();
        HandoffTables tables = loaded.tables();
        assertThat(tables.roster().queues()).containsExactly("SDR", "AE", "SDR_MANAGER", "SALES_MANAGER");
        assertThat(tables.roster().activeMembers("SDR")).extracting(RosterMember::member)
                .containsExactly("camille.durand", "hugo.bernard", "lea.petit");
        assertThat(tables.calendars().names()).containsExactly("Paris", "New York");
        BusinessCalendar paris = tables.calendars().get("paris");
        assertThat(paris.closingDays()).contains(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 8, 11));
        assertThat(tables.calendars().get("New York").closingDays()).contains(LocalDate.of(2026, 12, 24))
                .doesNotContain(LocalDate.of(2027, 8, 11));
        assertThat(paris.plusBusinessHours(Instant.parse("2026-11-20T16:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(tables.rejectionReasons().forEvent(ReasonEvent.REJECTED)).hasSize(8);
        assertThat(tables.rejectionReasons().find(ReasonEvent.REJECTED, "OTHER")).hasValueSatisfying(r -> assertThat(r.requiresText()).isTrue());
    }

    @Test
    void aWeightOfZeroIsNamedByRow() {
        HandoffTables.Loaded loaded = roster(rosterSheet().row("SDR", "camille", 3, "yes").row("SDR", "hugo", 0, "yes").bytes());

        assertSingleProblem(loaded, ROSTER, "sheet Roster, row 5", "Weight 0 is not from 1 to 1000: it is the member's share of the"
                + " queue's hand-offs (0 or less would give them none; set Active to no instead)");
    }

    @Test
    void aWeightThatIsNotAWholeNumberIsAnError() {
        HandoffTables.Loaded loaded = roster(rosterSheet().row("SDR", "camille", 1.5, "yes").row("SDR", "hugo", "two", "yes").bytes());

        assertThat(loaded.problems()).extracting(TableProblem::toString).containsExactly(
                ROSTER + " (sheet Roster, row 4): Weight 1.5 is not a whole number",
                ROSTER + " (sheet Roster, row 5): Weight 'two' is not a whole number");
    }

    @Test
    void aMemberListedTwiceInAQueueNamesBothRows() {
        HandoffTables.Loaded loaded = roster(rosterSheet().row("SDR", "camille", 3, "yes").row("AE", "camille", 1, "yes")
                .row("sdr", "Camille", 1, "no").bytes());

        assertSingleProblem(loaded, ROSTER, "sheet Roster, row 6", "Camille is listed twice in queue SDR (also row 4)");
    }

    @Test
    void anActiveFlagMustBeYesOrNo() {
        HandoffTables.Loaded loaded = roster(rosterSheet().row("SDR", "camille", 3, "maybe").row("SDR", "hugo", 1, null).bytes());

        assertSingleProblem(loaded, ROSTER, "sheet Roster, row 4", "Active 'maybe' is not yes or no");
        assertThat(loaded.tables().roster().activeMembers("SDR")).extracting(RosterMember::member).containsExactly("hugo");
    }

    @Test
    void aMissingSheetOrColumnIsNamed() {
        assertSingleProblem(roster(DataWorkbook.create().sheet("Team", "notes", "Queue", "Member", "Weight").bytes()), ROSTER, null,
                "no sheet named 'Roster' (its sheets: Team)");
        assertSingleProblem(roster(DataWorkbook.create().sheet("Roster", "notes", "Queue", "Member").row("SDR", "camille").bytes()),
                ROSTER, "sheet Roster, row 3", "the header row has no column Weight");
        assertSingleProblem(roster(DataWorkbook.create().sheet("Roster", "notes", "Team", "Member").bytes()), ROSTER, "sheet Roster",
                "no header row: the row of column labels must start with 'Queue'");
    }

    @Test
    void overlappingOpeningHoursAreNamedWithTheirDay() {
        HandoffTables.Loaded loaded = calendars(calendarSheet()
                .row("Paris", "Europe/Paris", "FR", "09:00-12:30, 13:30-18:00", "09:00-13:00, 12:30-18:00").bytes());

        assertThat(loaded.problems()).extracting(TableProblem::toString)
                .contains(CALENDARS + " (sheet Calendars, row 4): Tuesday: 09:00-13:00 and 12:30-18:00 overlap");
    }

    @Test
    void unreadableTimesZonesAndCountriesAreErrors() {
        HandoffTables.Loaded loaded = calendars(calendarSheet()
                .row("A", "Europe/Paris", "FR", "9h-12h")
                .row("B", "Europe/Pariss", "FR", "09:00-18:00")
                .row("C", "UTC+01:00", "FR", "09:00-18:00")
                .row("D", "Europe/Paris", "XX", "09:00-18:00")
                .row("E", "Europe/Paris", "FR-999", "09:00-18:00")
                .row("F", "Europe/Paris", "FR")
                .row("G", "Europe/Paris", "FR", "18:00-09:00")
                .sheet("Closing days", "notes", "Calendar", "Date", "Until", "Note")
                .row("Lyon", LocalDate.of(2026, 12, 24))
                .row(null, "24/12/2026")
                .row(null, LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 24))
                .bytes());

        assertThat(loaded.problems()).extracting(TableProblem::toString).containsExactly(
                CALENDARS + " (sheet Calendars, row 4): Monday: '9h-12h' is not a span of hours like 09:00-12:30",
                CALENDARS + " (sheet Calendars, row 5): Time zone 'Europe/Pariss' is not a time zone: write its IANA name, such as"
                        + " Europe/Paris or America/New_York",
                CALENDARS + " (sheet Calendars, row 6): Time zone 'UTC+01:00' is a fixed offset, which ignores daylight saving time:"
                        + " write the IANA name of a place, such as Europe/Paris",
                CALENDARS + " (sheet Calendars, row 7): Public holidays 'XX' is not a country with known public holidays: write an ISO"
                        + " code such as FR, or FR-67 / DE-BY / US-NY for a subdivision",
                CALENDARS + " (sheet Calendars, row 8): " + loaded.problems().get(4).message(),
                CALENDARS + " (sheet Calendars, row 9): calendar F has no opening hours on any day (Monday to Sunday are empty)",
                CALENDARS + " (sheet Calendars, row 10): Monday: 18:00-09:00 ends before it starts: a span cannot cross midnight",
                CALENDARS + " (sheet Closing days, row 5): Date '24/12/2026' is not a date: write 2026-12-24 or use a date cell",
                CALENDARS + " (sheet Closing days, row 6): Until 2026-12-24 is before Date 2026-12-31",
                CALENDARS + " (sheet Closing days, row 4): Calendar 'Lyon' is not in sheet Calendars (there: )");
        assertThat(loaded.problems().get(4).message()).startsWith("Public holidays 'FR-999': FR has no subdivision '999'; known: 01, 02");
    }

    @Test
    void twoCalendarsWithOneNameAreAnError() {
        HandoffTables.Loaded loaded = calendars(calendarSheet().row("Paris", "Europe/Paris", "FR", "09:00-18:00")
                .row("paris", "Europe/Paris", null, "09:00-17:00").bytes());

        assertSingleProblem(loaded, CALENDARS, "sheet Calendars, row 5", "two calendars are named paris (also row 4)");
    }

    @Test
    void aReasonCodeListedTwiceForAnEventIsAnError() {
        byte[] reasons = DataWorkbook.create().sheet("Reasons", "notes", "Event", "Code", "Label", "Free text")
                .row("REJECTED", "NO_BUDGET", "No budget").row("LOST", "NO_BUDGET", "No budget")
                .row("REJECTED", "no_budget", "No money", "no").row("CLOSED", "X", "x").row("LOST", "too expensive", "x").bytes();

        HandoffTables.Loaded loaded = HandoffTables.read(List.of(), List.of(), List.of(new TableWorkbook(REASONS, reasons)));

        assertThat(loaded.problems()).extracting(TableProblem::toString).containsExactly(
                REASONS + " (sheet Reasons, row 7): Event 'CLOSED' is not REJECTED or LOST",
                REASONS + " (sheet Reasons, row 8): 'TOO EXPENSIVE' is not a reason code: letters, digits and underscores, starting"
                        + " with a letter (NO_BUDGET)",
                REASONS + " (sheet Reasons, row 6): reason NO_BUDGET is listed twice for REJECTED (also row 4)");
    }

    @Test
    void aDuplicateAcrossTwoWorkbooksNamesTheOtherFile() {
        byte[] one = rosterSheet().row("SDR", "camille", 1, "yes").bytes();
        byte[] two = rosterSheet().row("SDR", "camille", 2, "yes").bytes();

        HandoffTables.Loaded loaded = HandoffTables.read(List.of(new TableWorkbook("decision-tables/a-roster.xlsx", one),
                new TableWorkbook("decision-tables/b-roster.xlsx", two)), List.of(), List.of());

        assertSingleProblem(loaded, "decision-tables/b-roster.xlsx", "sheet Roster, row 4",
                "camille is listed twice in queue SDR (also decision-tables/a-roster.xlsx, sheet Roster, row 4)");
    }

    @Test
    void anUnreadableWorkbookIsNamed() {
        assertThat(roster("not a workbook".getBytes()).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith(ROSTER + ": not a readable workbook"));
    }
}
