package io.leadqualifier.workbooks;

import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;

/**
 * The scenario workbook of the default policy, as code: {@code qualification-scenarios.xlsx}, the business cases every
 * policy change must pass ({@link ShippedWorkbooks} writes it). RevOps edit it afterwards; this is how it was made.
 */
final class ShippedScenarios {
    private static final String AS_OF = "2026-11-22T10:00:00Z";
    private static final String CLAIRE = "claire.martin@acme.fr";
    private static final String[] FLAGS = {"Decision maker", "Competitor", "Opted out", "Do not email", "Need", "Budget", "Authority",
        "Meeting booked", "Proposal requested", "Negotiation started"};

    private ShippedScenarios() {
    }

    static byte[] scenarios() {
        DataWorkbook.Rows sheet = DataWorkbook.create().sheet("Scenarios", "Business scenarios: every policy change must pass them"
                + " before it serves. One row a lead; empty cells take defaults; empty expectations are not checked. Activities:"
                + " TYPE [xN] AGE before asOf, e.g. EMAIL_OPEN x3 2d, WEBSITE_VISIT 12h. Rejected by sales: REASON AGE before"
                + " asOf, e.g. NO_BUDGET 10d (a reason of rejection-reasons.xlsx).", "Scenario", "asOf", "Email", "Seniority",
                "Decision maker", "Industry", "Employees", "Country", "Competitor", "Opted out", "Do not email", "Need", "Budget",
                "Authority", "Timing months", "Meeting booked", "Proposal requested", "Negotiation started", "Activities",
                "Expected stage", "Expected route", "Expected temperature", "Expected total", "Rejected by sales")
                .row("Nothing known: a cold lead to nurture", AS_OF, "someone@example.org", null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, "LEAD", "NURTURE", "COLD", 0, null)
                .row("Contract example: warm lead, nurtured", AS_OF, CLAIRE, "DIRECTOR", null, "SOFTWARE", 250, "FR", null,
                        null, null, null, null, null, null, null, null, null, "CONTENT_DOWNLOAD 2d", "LEAD", "NURTURE", "WARM",
                        60, null)
                .row("One point short of MQL (69)", AS_OF, CLAIRE, "DIRECTOR", null, "SOFTWARE", 250, "FR", null, null, null,
                        null, null, null, null, null, null, null, "EMAIL_OPEN x3 1d, WEBSITE_VISIT x2 1d", "LEAD", "NURTURE",
                        "WARM", 69, null)
                .row("MQL at exactly 70", AS_OF, CLAIRE, "DIRECTOR", null, "SOFTWARE", 250, "FR", null, null, null, null, null,
                        null, null, null, null, null, "PRICING_PAGE_VISIT x2 1d", "MQL", "SDR", "WARM", 70, null)
                .row("Hot MQL on a demo request", AS_OF, CLAIRE, "DIRECTOR", null, "SOFTWARE", 250, "FR", null, null, null,
                        null, null, null, null, null, null, null, "DEMO_REQUEST 3d", "MQL", "SDR", "HOT", 80, null)
                .row("Opted-out MQL without its own request: not routed", AS_OF, CLAIRE, "DIRECTOR", null, "SOFTWARE", 250,
                        "FR", null, "yes", null, null, null, null, null, null, null, null, "PRICING_PAGE_VISIT x2 1d", "MQL",
                        "NONE", "WARM", 70, null)
                .row("Opted-out lead: never nurtured", AS_OF, "someone@example.org", null, null, null, null, null, null, "yes",
                        null, null, null, null, null, null, null, null, null, "LEAD", "NONE", "COLD", 0, null)
                .row("SQL: five boxes with need", AS_OF, CLAIRE, "DIRECTOR", null, "SOFTWARE", 250, "FR", null, null, null,
                        "yes", "yes", "yes", 3, null, null, null, null, "SQL", "AE", "WARM", 50, null)
                .row("Five boxes without need stay a lead", AS_OF, CLAIRE, "DIRECTOR", null, "SOFTWARE", 250, "FR", null, null,
                        null, null, "yes", "yes", 3, "yes", null, null, null, "LEAD", "NURTURE", "WARM", 50, null)
                .row("Opportunity: an SQL that asked for a proposal", AS_OF, CLAIRE, "DIRECTOR", null, "SOFTWARE", 250, "FR",
                        null, null, null, "yes", "yes", "yes", 3, null, "yes", null, null, "OPPORTUNITY", "AE", "WARM", 50,
                        null)
                .row("Student: disqualified whatever the score", AS_OF, "student@university.edu", "STUDENT", null, "SOFTWARE",
                        250, "FR", null, null, null, null, null, null, null, null, null, null,
                        "DEMO_REQUEST 3d, CONTENT_DOWNLOAD x3 5d", "DISQUALIFIED", "NONE", null, null, null)
                .row("Competitor: disqualified", AS_OF, "spy@rival.com", "VP", "yes", "SOFTWARE", 900, "DE", "yes", null, null,
                        "yes", "yes", null, 2, null, null, null, null, "DISQUALIFIED", "NONE", null, null, null)
                .row("Free-mail micro company scores nothing", AS_OF, "bob@gmail.com", null, null, null, 5, null, null, null,
                        null, null, null, null, null, null, null, null, null, "LEAD", "NURTURE", "COLD", 0, null)
                .row("Rejected for no budget 10 days ago, no new intent: held back as a lead", AS_OF, CLAIRE, "DIRECTOR", null,
                        "SOFTWARE", 250, "FR", null, null, null, null, null, null, null, null, null, null,
                        "PRICING_PAGE_VISIT x2 1d", "LEAD", "NURTURE", "WARM", null, "NO_BUDGET 10d")
                .row("Rejected for no budget 10 days ago, asked for a demo since: MQL again", AS_OF, CLAIRE, "DIRECTOR", null,
                        "SOFTWARE", 250, "FR", null, null, null, null, null, null, null, null, null, null,
                        "PRICING_PAGE_VISIT x2 1d, DEMO_REQUEST 2d", "MQL", "SDR", "HOT", null, "NO_BUDGET 10d")
                .row("Rejected for bad data: no hold, MQL again on points", AS_OF, CLAIRE, "DIRECTOR", null, "SOFTWARE", 250,
                        "FR", null, null, null, null, null, null, null, null, null, null, "PRICING_PAGE_VISIT x2 1d", "MQL",
                        "SDR", "WARM", null, "BAD_DATA 10d");
        for (String flag : FLAGS) {
            sheet.allow(flag, Allowed.yesNo());
        }
        return sheet.allow("Seniority", Allowed.oneOf(Seniority.class))
                .allow("Employees", Allowed.wholeNumber(0))
                .allow("Timing months", Allowed.wholeNumber(0))
                .allow("Expected stage", Allowed.oneOf(Stage.class))
                .allow("Expected route", Allowed.oneOf(Route.class))
                .allow("Expected temperature", Allowed.oneOf(Temperature.class))
                .allow("Expected total", Allowed.wholeNumber(0))
                .bytes();
    }
}
