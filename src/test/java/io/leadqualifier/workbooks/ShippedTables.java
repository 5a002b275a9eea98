package io.leadqualifier.workbooks;

import java.time.LocalDate;
import java.util.List;

import io.leadqualifier.handoff.reasons.ReasonEvent;

/**
 * The hand-off tables of the default policy, as code: {@code sales-roster.xlsx}, {@code business-calendars.xlsx} and
 * {@code rejection-reasons.xlsx} ({@link ShippedWorkbooks} writes them). RevOps edit the workbooks afterwards; this is
 * how they were made.
 */
public final class ShippedTables {
    static final String WEEKDAY = "09:00-12:30, 13:30-18:00";
    /** The roster's queues: what the SLA table hands off to (Owner) and escalates to. */
    static final List<String> QUEUES = List.of("SDR", "AE", "SDR_MANAGER", "SALES_MANAGER");
    /** The business calendars an SLA row may name. */
    static final List<String> CALENDARS = List.of("Paris", "New York");
    /** Where the calendars' names are, for the closing days' drop-down (with room for more). */
    static final String CALENDAR_NAMES = "Calendars!$B$4:$B$100";

    private ShippedTables() {
    }

    static byte[] roster() {
        return DataWorkbook.create().sheet("Roster", "Who receives hand-offs. One row per member of a queue; a queue is what the"
                + " Owner column of handoff-sla.xlsx names (SDR, AE) or what it escalates to. A queue's new hand-offs go round its"
                + " active members in turn, weighted: a member of weight 3 receives three times as many as a member of weight 1."
                + " Weight: a whole number from 1 to 1000 (capacity). Active: yes or no (empty = yes); set it to no to pause"
                + " someone (holidays, leaving) and keep their row. Every queue the SLA table hands off to needs an active member,"
                + " or the policy is refused.", "Queue", "Member", "Weight", "Active")
                .row("SDR", "camille.durand", 3, "yes")
                .row("SDR", "hugo.bernard", 2, "yes")
                .row("SDR", "lea.petit", 1, "yes")
                .row("SDR", "nathan.roux", 2, "no")
                .row("AE", "sophie.martin", 2, "yes")
                .row("AE", "thomas.leroy", 1, "yes")
                .row("SDR_MANAGER", "julie.moreau", 1, "yes")
                .row("SALES_MANAGER", "marc.girard", 1, "yes")
                .allow("Queue", Allowed.suggested("queue", QUEUES, "Keep it if the SLA table (handoff-sla.xlsx) hands off or"
                        + " escalates to this queue."))
                .allow("Weight", Allowed.wholeNumber(1, 1000))
                .allow("Active", Allowed.yesNo())
                .bytes();
    }

    static byte[] calendars() {
        return DataWorkbook.create().sheet("Calendars", "Business hours, for SLA rows that count business time instead of"
                + " wall-clock time. One row per calendar; an SLA row names it in its Calendar column. Time zone: the IANA"
                + " name of a place (Europe/Paris). Public holidays: a country code (FR), or a country and a subdivision"
                + " (DE-BY, US-NY), as the Jollyday library knows them; empty = none. Monday to Sunday: the opening hours in"
                + " local time, spans separated by commas (09:00-12:30, 13:30-18:00); empty = closed. 09:00 stays 09:00 when"
                + " the clocks change.", "Calendar", "Time zone", "Public holidays", "Monday", "Tuesday", "Wednesday",
                "Thursday", "Friday", "Saturday", "Sunday")
                .row("Paris", "Europe/Paris", "FR", WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY)
                .row("New York", "America/New_York", "US-NY", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00")
                .sheet("Closing days", "Company closing days, on top of public holidays: no business hours on them. Calendar:"
                        + " which calendar closes (empty = every calendar). Date: the day, or the first day of a closing period."
                        + " Until: the last day of the period (empty = that day only). Note: for people.", "Calendar", "Date",
                        "Until", "Note")
                .row(null, LocalDate.of(2026, 12, 24), null, "Christmas Eve: the company is closed")
                .row(null, LocalDate.of(2026, 12, 31), null, "New Year's Eve: the company is closed")
                .row("Paris", LocalDate.of(2027, 8, 9), LocalDate.of(2027, 8, 13), "Summer closing of the Paris office")
                .allow("Calendar", new Allowed.OneOfRange("calendar", CALENDAR_NAMES))
                .bytes();
    }

    static byte[] reasons() {
        return DataWorkbook.create().sheet("Reasons", "The reasons sales may give with a REJECTED event (the hand-off goes"
                + " back to marketing) or a LOST event (the lead is closed). CRMs send the Code; people read the Label; the KPIs"
                + " count by code. Codes: capital letters, digits and underscores, once per event. Free text: yes when the event"
                + " must also carry a comment (empty = no). Hold (days), for REJECTED: how long the rejection keeps the lead from"
                + " coming back as MQL on points alone; a buying-intent request (demo, quote, contact) made after the rejection"
                + " lifts it (empty = 0: no hold).", "Event", "Code", "Label", "Free text", "Hold (days)")
                .row("REJECTED", "NO_BUDGET", "No budget for this", "no", 90)
                .row("REJECTED", "BAD_TIMING", "Not the right time: no project within 6 months", "no", 90)
                .row("REJECTED", "NOT_DECISION_MAKER", "Contact cannot decide or influence", "no", 30)
                .row("REJECTED", "OUT_OF_ICP", "Outside the ideal customer profile", "no", 180)
                .row("REJECTED", "COMPETITOR", "Works for a competitor", "no", 365)
                .row("REJECTED", "BAD_DATA", "Wrong or incomplete contact data", "no", 0)
                .row("REJECTED", "NOT_RESPONDING", "No answer after several attempts", "no", 30)
                .row("REJECTED", "OTHER", "Other: say why", "yes", 30)
                .row("LOST", "PRICE", "Price too high", "no")
                .row("LOST", "COMPETITOR", "Chose a competitor", "no")
                .row("LOST", "NO_DECISION", "No decision: project abandoned", "no")
                .row("LOST", "BAD_TIMING", "Project postponed", "no")
                .row("LOST", "OTHER", "Other: say why", "yes")
                .allow("Event", Allowed.oneOf(ReasonEvent.class))
                .allow("Free text", Allowed.yesNo())
                .allow("Hold (days)", Allowed.wholeNumber(0))
                .bytes();
    }
}
