package io.leadqualifier.workbooks;

import static io.leadqualifier.workbooks.RuleWorkbook.column;

import java.util.List;

import io.leadqualifier.facts.ChecklistBox;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * The decision tables of the default policy, as code ({@link ShippedWorkbooks} writes them). Each method builds one
 * workbook, guided as shipped or plain (the same cells alone). RevOps edit the workbooks afterwards; this is how they
 * were made.
 */
final class ShippedRuleTables {
    /** How to edit any table, after what the table is for. */
    static final String EDITING = " Type in the white cells; a column of listed values offers them in a drop-down. Add a rule in"
            + " the first empty row under the table, or insert a row between two rules; give it a name of its own: auditors read"
            + " it. Leave no blank row between rules: the table ends there, and a policy with rules under a blank row is"
            + " refused.";
    /** The activity types the engagement table scores, in its order: what CRMs are known to send. */
    static final List<String> ACTIVITY_TYPES = List.of("EMAIL_OPEN", "EMAIL_CLICK", "NEWSLETTER_SIGNUP", "WEBSITE_VISIT",
            "PRICING_PAGE_VISIT", "CONTENT_DOWNLOAD", "WEBINAR_REGISTRATION", "WEBINAR_ATTENDED", "EVENT_VISIT", "CONTACT_REQUEST",
            "DEMO_REQUEST", "QUOTE_REQUEST", "UNSUBSCRIBE", "EMAIL_BOUNCE");

    private static final Allowed FLAG = Allowed.trueFalse();
    private static final Allowed DAYS = Allowed.wholeNumber(0);
    private static final Allowed POINTS = Allowed.anyWholeNumber();
    private static final Allowed QUEUE = Allowed.suggested("queue", ShippedTables.QUEUES,
            "Keep it if the roster (sales-roster.xlsx) has this queue, with an active member.");

    private ShippedRuleTables() {
    }

    static byte[] engagement(boolean guided) {
        return RuleWorkbook.create(guided).sheet("Engagement", 34, "Points per activity type. An activity counts when asOf - window"
                + " < at <= asOf; contribution = points x count, capped at Cap in absolute value. Types not listed here score 0."
                + " Buying intent true: an activity of the type is a request that checks the intent box and can make the lead hot."
                + EDITING)
                .title("Engagement scoring")
                .when("$t : ActivityTally", column("type == \"$param\"", "Activity type", 24, Allowed.suggested("activity type",
                        ACTIVITY_TYPES, "Keep it if your CRM sends activities of this type: types are matched exactly, in capitals.")))
                .then(column("outcome.engagement($t).points($param);", "Points", 10, POINTS))
                .then(column("outcome.engagement($t).cap($param);", "Cap (absolute)", 14, Allowed.wholeNumber(0)))
                .then(column("outcome.engagement($t).window($param);", "Window (days)", 14, DAYS))
                .then(column("outcome.engagement($t).buyingIntent($param);", "Buying intent", 14, FLAG))
                .row("Engagement: EMAIL_OPEN", "EMAIL_OPEN", 5, 15, 90)
                .row("Engagement: EMAIL_CLICK", "EMAIL_CLICK", 8, 24, 90)
                .row("Engagement: NEWSLETTER_SIGNUP", "NEWSLETTER_SIGNUP", 5, 5, 365)
                .row("Engagement: WEBSITE_VISIT", "WEBSITE_VISIT", 2, 10, 30)
                .row("Engagement: PRICING_PAGE_VISIT", "PRICING_PAGE_VISIT", 10, 20, 30)
                .row("Engagement: CONTENT_DOWNLOAD", "CONTENT_DOWNLOAD", 10, 30, 90)
                .row("Engagement: WEBINAR_REGISTRATION", "WEBINAR_REGISTRATION", 10, 10, 90)
                .row("Engagement: WEBINAR_ATTENDED", "WEBINAR_ATTENDED", 15, 30, 90)
                .row("Engagement: EVENT_VISIT", "EVENT_VISIT", 10, 20, 180)
                .row("Engagement: CONTACT_REQUEST", "CONTACT_REQUEST", 25, 25, 60, "true")
                .row("Engagement: DEMO_REQUEST", "DEMO_REQUEST", 30, 30, 60, "true")
                .row("Engagement: QUOTE_REQUEST", "QUOTE_REQUEST", 30, 30, 60, "true")
                .row("Engagement: UNSUBSCRIBE", "UNSUBSCRIBE", -20, 20, 365)
                .row("Engagement: EMAIL_BOUNCE", "EMAIL_BOUNCE", -10, 10, 365)
                .bytes();
    }

    static byte[] fit(boolean guided) {
        return RuleWorkbook.create(guided).sheet("Fit", 28, "Points for who the lead is. Each row gives its points when every filled"
                + " condition holds; lists are comma-separated. total = max(0, fit + engagement)." + EDITING)
                .title("Fit scoring")
                .when("Lead", column("forall(||){company.industry == \"$\"}", "Industry in", 40, null),
                        column("company.employees >= $param", "Employees at least", 12, Allowed.wholeNumber(0)),
                        column("company.employees <= $param", "Employees at most", 12, Allowed.wholeNumber(0)),
                        column("forall(||){contact.seniority == Seniority.$}", "Seniority in", 22, Allowed.severalOf(Seniority.class)),
                        column("forall(||){company.country == \"$\"}", "Country in", 30, null),
                        column("forall(||){contact.emailDomain == \"$\"}", "Email domain in", 40, null))
                .then(column("outcome.fit().points($param);", "Points", 8, POINTS))
                .then(column("outcome.because(\"$param\");", "Reason", 36, null))
                .row("Fit: target industry", "SOFTWARE, FINANCE, INSURANCE, HEALTHCARE, MANUFACTURING, RETAIL", null, null, null, null,
                        null, 15, "Industry is one we sell to")
                .row("Fit: mid-size company", null, 50, 4999, null, null, null, 15, "50 to 4,999 employees")
                .row("Fit: large enterprise", null, 5000, null, null, null, null, 10, "5,000 employees or more")
                .row("Fit: micro company", null, 1, 9, null, null, null, -10, "1 to 9 employees")
                .row("Fit: senior decision level", null, null, null, "C_LEVEL, VP, DIRECTOR", null, null, 15, "C-level, VP or director")
                .row("Fit: manager", null, null, null, "MANAGER", null, null, 10, "Manager")
                .row("Fit: target market", null, null, null, null, "FR, BE, CH, LU, DE, ES, IT, NL, GB, US, CA", null, 5,
                        "Country in a market we serve")
                .row("Fit: free-mail address", null, null, null, null, null, "gmail.com, yahoo.com, yahoo.fr, hotmail.com, hotmail.fr,"
                        + " outlook.com, live.com, icloud.com, orange.fr, free.fr, laposte.net", -10, "Personal email address, not a company one")
                .bytes();
    }

    static byte[] stageThresholds(boolean guided) {
        return RuleWorkbook.create(guided).sheet("Checklist", 36, "The six qualification boxes. A box is checked when any of its rows"
                + " holds (authority and intent have two ways each)." + EDITING)
                .when("Score", column("fit >= $param", "Fit at least", 16, POINTS))
                .when("Lead", column("bant.need == $param", "BANT need", 16, FLAG))
                .when("Lead", column("bant.budget == $param", "BANT budget", 14, FLAG))
                .when("Lead", column("bant.authority == $param", "BANT authority", 16, FLAG))
                .when("Lead", column("contact.decisionMaker == $param", "Decision maker", 16, FLAG))
                .when("Lead", column("bant.timingMonths <= $param", "Timing at most (months)", 18, Allowed.wholeNumber(0)))
                .when("Score", column("intentRequest == $param", "Buying-intent request in window", 18, FLAG))
                .when("Lead", column("sales.meetingBooked == $param", "Meeting booked", 16, FLAG))
                .then(column("outcome.check(ChecklistBox.$param);", "Box", 12, Allowed.oneOf(ChecklistBox.class)))
                .row("Checklist: ICP fit", 30, null, null, null, null, null, null, null, "ICP_FIT")
                .row("Checklist: need confirmed", null, "true", null, null, null, null, null, null, "NEED")
                .row("Checklist: budget confirmed", null, null, "true", null, null, null, null, null, "BUDGET")
                .row("Checklist: authority (BANT)", null, null, null, "true", null, null, null, null, "AUTHORITY")
                .row("Checklist: authority (decision maker)", null, null, null, null, "true", null, null, null, "AUTHORITY")
                .row("Checklist: timing", null, null, null, null, null, 6, null, null, "TIMING")
                .row("Checklist: intent (request)", null, null, null, null, null, null, "true", null, "INTENT")
                .row("Checklist: intent (meeting booked)", null, null, null, null, null, null, null, "true", "INTENT")
                .sheet("Stages", 36, "Stage, first matching row wins (top to bottom). Empty cells do not constrain." + EDITING)
                .property("Sequential", "true")
                .when("not AssignedStage() Checklist", column("knockedOut == $param", "Knocked out", 16, FLAG),
                        column("checked >= $param", "Boxes checked at least", 16, Allowed.wholeNumber(0, 6)),
                        column("need == $param", "Need required", 14, FLAG),
                        column("total >= $param", "Total at least", 16, POINTS))
                .when("Lead", column("sales.buyingProject == $param", "Proposal or negotiation", 16, FLAG))
                .then(column("insert(outcome.stage(Stage.$param));", "Stage", 18, Allowed.oneOf(Stage.class)))
                .row("Stage: disqualified", "true", null, null, null, null, "DISQUALIFIED")
                .row("Stage: opportunity", "false", 5, "true", null, "true", "OPPORTUNITY")
                .row("Stage: SQL", "false", 5, "true", null, null, "SQL")
                .row("Stage: MQL", "false", null, null, 70, null, "MQL")
                .row("Stage: lead", "false", null, null, null, null, "LEAD")
                .sheet("Temperature", 36, "Temperature, first matching row wins (top to bottom). Bands: at least <= total < below."
                        + EDITING)
                .property("Sequential", "true")
                .when("not AssignedTemperature() Score", column("total >= $param", "Total at least", 16, POINTS),
                        column("total < $param", "Total below", 16, POINTS),
                        column("intentRequestWithin($param)", "Buying-intent request within (days)", 14, DAYS))
                .then(column("insert(outcome.temperature(Temperature.$param));", "Temperature", 16, Allowed.oneOf(Temperature.class)))
                .row("Temperature: hot on a recent request", 0, null, 14, "HOT")
                .row("Temperature: hot on score", 85, null, null, "HOT")
                .row("Temperature: warm", 40, 85, null, "WARM")
                .row("Temperature: cold", 0, 40, null, "COLD")
                .bytes();
    }

    static byte[] handoffSla(boolean guided) {
        return RuleWorkbook.create(guided).sheet("Hand-off SLA", 24, "Who must respond by when once a lead is routed to sales."
                + " respondBy = asOf + hours; recycleAt = asOf + days. Empty temperature = any. No SLA when the route is NONE."
                + " Owner and Escalate to: queues of sales-roster.xlsx. Calendar: the name of a calendar of business-calendars.xlsx"
                + " to count the hours as business hours and the days as business days (nights, weekends, public holidays and"
                + " closing days do not count); empty = wall-clock time." + EDITING)
                .when("AssignedRoute(route != Route.NONE) AssignedStage", column("stage == Stage.$param", "Stage", 16,
                        Allowed.oneOf(Stage.class)))
                .when("AssignedTemperature", column("temperature == Temperature.$param", "Temperature", 14,
                        Allowed.oneOf(Temperature.class)))
                .then(column("outcome.sla().owner(\"$param\");", "Owner", 16, QUEUE))
                .then(column("outcome.sla().respondWithinHours($param);", "Respond within (hours)", 14, Allowed.wholeNumber(0)))
                .then(column("outcome.sla().escalateTo(\"$param\");", "Escalate to", 18, QUEUE))
                .then(column("outcome.sla().recycleAfterDays($param);", "Recycle after (days)", 14, DAYS))
                .then(column("outcome.sla().calendar(\"$param\");", "Calendar (empty: wall-clock hours)", 28, Allowed.suggested(
                        "calendar", ShippedTables.CALENDARS, "Keep it if business-calendars.xlsx has this calendar.")))
                .row("SLA: hot MQL", "MQL", "HOT", "SDR", 1, "SDR_MANAGER", 7)
                .row("SLA: warm MQL", "MQL", "WARM", "SDR", 24, "SDR_MANAGER", 14)
                .row("SLA: cold MQL", "MQL", "COLD", "SDR", 48, "SDR_MANAGER", 14)
                .row("SLA: SQL", "SQL", null, "AE", 24, "SALES_MANAGER", 30)
                .row("SLA: opportunity", "OPPORTUNITY", null, "AE", 48, "SALES_MANAGER", 60)
                .bytes();
    }

    /**
     * Where a lead goes once its stage is known, first matching row wins: what {@code rules/routing.drl} said, rule for
     * rule. Its rows are ordered by the salience those rules had (100 to 50); numbered from 100 down, they still fire
     * after the sales feedback (1000), which can take an MQL back to LEAD, and before the SLA rows, which need a route.
     */
    static byte[] routing(boolean guided) {
        return RuleWorkbook.create(guided).sheet("Routing", 48, "Who gets the lead once its stage is known: NONE (nobody), NURTURE"
                + " (marketing keeps it warm), SDR or AE. First matching row wins (top to bottom); empty cells do not constrain."
                + " Stage in: one stage, or several separated by commas. A lead that opted out (GDPR) is never nurtured, and reaches"
                + " sales only on its own request or a meeting it booked (Intent box checked). Reason: the sentence the decision"
                + " gives, optional." + EDITING)
                .property("Sequential", "true")
                .property("SequentialMaxPriority", "100")
                .when("not AssignedRoute() AssignedStage", column("forall(||){stage == Stage.$}", "Stage in", 26,
                        Allowed.severalOf(Stage.class)))
                .when("Lead", column("consent.optedOut == $param", "Opted out", 12, FLAG),
                        column("consent.optedOutOrDoNotEmail == $param", "Opted out or do not email", 14, FLAG))
                .when("Checklist", column("intent == $param", "Intent box checked", 14, FLAG))
                .then(column("insert(outcome.route(Route.$param));", "Route", 12, Allowed.oneOf(Route.class)))
                .then(column("outcome.because(\"$param\");", "Reason", 64, null))
                .row("Route: disqualified leads go nowhere", "DISQUALIFIED", null, null, null, "NONE")
                .row("Route: opted out, no request of its own", "MQL, SQL, OPPORTUNITY", "true", null, "false", "NONE",
                        "Opted out and made no request of its own: not routed to sales")
                .row("Route: opted-out MQL on its own request", "MQL", "true", null, "true", "SDR",
                        "Opted out, but routed to SDR because of its own request or booked meeting")
                .row("Route: opted-out SQL or opportunity on its own request", "SQL, OPPORTUNITY", "true", null, "true", "AE",
                        "Opted out, but routed to AE because of its own request or booked meeting")
                .row("Route: lead opted out of marketing", "LEAD", null, "true", null, "NONE", "Opted out or do-not-email: never nurtured")
                .row("Route: lead to nurture", "LEAD", null, null, null, "NURTURE")
                .row("Route: MQL to SDR", "MQL", null, null, null, "SDR")
                .row("Route: SQL and opportunity to AE", "SQL, OPPORTUNITY", null, null, null, "AE")
                .bytes();
    }

    /**
     * Disqualified whatever the score: what {@code rules/knock-outs.drl} said, rule for rule. Every row that holds fires
     * (no row requires that another did not); the rows are numbered from -50 down ({@code Sequential}) only so that they
     * fire where that file's rules did, once the points are counted (0) and before the score is taken (-100): the fired
     * rules of a decision keep their order.
     */
    static byte[] knockOuts(boolean guided) {
        return RuleWorkbook.create(guided).sheet("Knock-outs", 28, "Leads out of the ideal customer profile whatever their score:"
                + " each row that holds knocks the lead out, and the Stages sheet of stage-thresholds.xlsx then makes it"
                + " DISQUALIFIED (routed nowhere). Fill one condition or more per row. Why: the sentence the decision gives."
                + EDITING)
                .property("Sequential", "true")
                .property("SequentialMaxPriority", "-50")
                .property("SequentialMinPriority", "-99")
                .when("Lead", column("contact.seniority == Seniority.$param", "Seniority", 14, Allowed.oneOf(Seniority.class)),
                        column("company.competitor == $param", "Competitor", 12, FLAG))
                .then(column("outcome.knockOut(\"$param\");", "Why", 64, null))
                .row("Knock-out: student", "STUDENT", null, "The contact is a student: outside the ideal customer profile")
                .row("Knock-out: competitor", null, "true", "The company is a competitor")
                .bytes();
    }
}
