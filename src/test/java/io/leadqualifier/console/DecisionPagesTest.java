package io.leadqualifier.console;

import static io.leadqualifier.console.ConsoleLeads.newLead;
import static io.leadqualifier.console.ConsoleLeads.qualifyLead;
import static io.leadqualifier.console.ConsoleLeads.qualifyMql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;

/** Auditors search the trail, read a decision explained, replay it and verify the chains, in the console. */
@QuarkusTest
class DecisionPagesTest {
    private static final Instant AS_OF = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);

    private static List<Integer> numbers(String html, String pattern) {
        Matcher found = Pattern.compile(pattern).matcher(html);
        List<Integer> numbers = new ArrayList<>();
        while (found.find()) {
            numbers.add(Integer.valueOf(found.group(1)));
        }
        return numbers;
    }

    @Test
    void theSearchFindsALeadsDecisionsAndLinksEachToItsExplanation() {
        String lead = newLead("console-search");
        String first = qualifyLead(lead, AS_OF.minus(2, ChronoUnit.HOURS));
        String second = qualifyMql(lead, AS_OF);

        String html = ConsoleSessions.logIn(Roles.AUDITOR).request().get("/console/decisions?leadId=" + lead)
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("<h1>Decisions</h1>").contains("2 decisions, newest first")
                .contains("href=\"/console/decisions/" + first + "\"").contains("href=\"/console/decisions/" + second + "\"")
                .contains("value=\"" + lead + "\"");
        assertThat(html.indexOf(second)).as("newest first").isLessThan(html.indexOf(first));
    }

    @Test
    void aLongResultComesInPagesLinkedToEachOther() {
        String lead = newLead("console-pages");
        for (int i = 0; i < 3; i++) {
            qualifyLead(lead, AS_OF.minus(i, ChronoUnit.HOURS));
        }
        ConsoleSessions auditor = ConsoleSessions.logIn(Roles.AUDITOR);
        auditor.request().get("/console/decisions?leadId=" + lead + "&size=2").then().statusCode(200)
                .body(containsString("3 decisions, newest first: page 1 of 2"))
                .body(containsString("href=\"/console/decisions?leadId=" + lead + "&amp;page=1&amp;size=2\" rel=\"next\""));
        auditor.request().get("/console/decisions?leadId=" + lead + "&page=1&size=2").then().statusCode(200)
                .body(containsString("page 2 of 2")).body(containsString("rel=\"prev\""));
    }

    @Test
    void aFilterTheApiRefusesIsShownWithTheApisDetailNextToTheForm() {
        ConsoleSessions.logIn(Roles.REVOPS).request().get("/console/decisions?policyVersion=nothex&from=yesterday")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Invalid request")).body(containsString("2 fields are invalid"))
                .body(containsString("<code>policyVersion</code>: must be 12 hex digits"))
                .body(containsString("<code>from</code>: must be an ISO-8601 instant"))
                .body(containsString("value=\"nothex\""));
    }

    @Test
    void theExplanationsLedgerLinesAddUpToTheTotalItShows() {
        String lead = newLead("console-ledger");
        String id = qualifyMql(lead, AS_OF);
        String version = TestCredentials.as(Roles.AUDITOR).get("/api/v1/decisions/" + id).then().extract().path("policy.version");

        String html = ConsoleSessions.logIn(Roles.AUDITOR).request().get("/console/decisions/" + id)
                .then().statusCode(200).extract().asString();

        List<Integer> fit = numbers(html, "<tr class=\"line fit\"><td class=\"points\">(-?\\d+)</td>");
        List<Integer> engagement = numbers(html, "<tr class=\"line engagement\"><td class=\"points\">(-?\\d+)</td>");
        int fitShown = numbers(html, "id=\"fit\">(-?\\d+)<").get(0);
        int engagementShown = numbers(html, "id=\"engagement\">(-?\\d+)<").get(0);
        int totalShown = numbers(html, "id=\"total\">(-?\\d+)<").get(0);
        assertThat(fit).hasSize(4);
        assertThat(fit.stream().mapToInt(Integer::intValue).sum()).isEqualTo(fitShown).isEqualTo(50);
        assertThat(engagement.stream().mapToInt(Integer::intValue).sum()).isEqualTo(engagementShown);
        assertThat(Math.max(0, fitShown + engagementShown)).isEqualTo(totalShown);
        assertThat(html).contains("decision-tables/fit-scoring.xlsx, sheet ")
                .contains("<a href=\"/console/policy/versions/" + version + "\"><code id=\"policy-version\">" + version + "</code></a>")
                .contains("<dd id=\"stage\">MQL</dd>").contains("gives the recorded decision")
                .contains("<th scope=\"row\">ICP_FIT</th><td><span class=\"ok\">yes</span>")
                .contains("<strong>SQL</strong>: 1 of 6 boxes checked; for SQL check")
                .contains("<h2 id=\"fired\">Fired rules</h2>").contains("<li>Engagement: CONTENT_DOWNLOAD");
    }

    @Test
    void aLeadShortOfMqlIsToldHowManyPointsItLacks() {
        String id = qualifyLead(newLead("console-short"), AS_OF);
        ConsoleSessions.logIn(Roles.REVOPS).request().get("/console/decisions/" + id).then().statusCode(200)
                .body(containsString("<strong>MQL</strong>: 20 points short: the total is 50, MQL needs 70"))
                .body(containsString("Replay and verification are for auditors."))
                .body(not(containsString("id=\"replay-button\"")));
    }

    @Test
    void anUnknownDecisionShowsTheProblemsDetail() {
        ConsoleSessions.logIn(Roles.AUDITOR).request().get("/console/decisions/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("No decision 00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void aCrmUserCannotOpenDecisions() {
        String id = qualifyLead(newLead("console-crm"), AS_OF);
        ConsoleSessions crm = ConsoleSessions.logIn(Roles.CRM);
        crm.request().get("/console/decisions").then().statusCode(403).body(containsString("Your role may not do this"));
        crm.request().get("/console/decisions/" + id).then().statusCode(403).body(not(containsString("Score ledger")));
    }

    @Test
    void anAuditorReplaysADecisionAndReadsIdentical() {
        String id = qualifyMql(newLead("console-replay"), AS_OF);
        ConsoleSessions auditor = ConsoleSessions.logIn(Roles.AUDITOR);
        auditor.request().formParam("console-csrf", auditor.csrf()).post("/console/decisions/" + id + "/replay")
                .then().statusCode(200).body(containsString("<span class=\"ok\">identical</span>: the replay gives the recorded decision."));
    }

    @Test
    void replayIsRefusedToRevopsAndWithoutTheFormsToken() {
        String id = qualifyMql(newLead("console-replay-refused"), AS_OF);
        ConsoleSessions revops = ConsoleSessions.logIn(Roles.REVOPS);
        revops.request().formParam("console-csrf", revops.csrf()).post("/console/decisions/" + id + "/replay")
                .then().statusCode(403).body(containsString("Your role may not do this"));
        ConsoleSessions auditor = ConsoleSessions.logIn(Roles.AUDITOR);
        auditor.request().post("/console/decisions/" + id + "/replay").then().statusCode(403).body(containsString("CSRF token"));
    }

    @Test
    void anAuditorVerifiesBothChains() {
        qualifyMql(newLead("console-verify"), AS_OF);
        ConsoleSessions.logIn(Roles.AUDITOR).request().get("/console/audit/verify").then().statusCode(200)
                .body(containsString("<span class=\"ok\">intact</span>")).body(containsString("Lifecycle events chain"))
                .body(containsString("Head hash"));
        ConsoleSessions.logIn(Roles.AUDITOR).request().get("/console/audit/verify?fromSequence=9&toSequence=2").then().statusCode(400)
                .body(containsString("fromSequence must not be after toSequence"));
        ConsoleSessions.logIn(Roles.REVOPS).request().get("/console/audit/verify").then().statusCode(403);
    }

    @Test
    void aLeadsHistoryMarksEachStageChange() {
        String lead = newLead("console-history");
        qualifyLead(lead, AS_OF.minus(3, ChronoUnit.HOURS));
        qualifyLead(lead, AS_OF.minus(2, ChronoUnit.HOURS));
        qualifyMql(lead, AS_OF);
        String html = ConsoleSessions.logIn(Roles.REVOPS).request().get("/console/leads/" + lead).then().statusCode(200).extract().asString();
        assertThat(html).contains("<h1>Lead " + lead + "</h1>").contains("first decision → LEAD").contains("LEAD → MQL")
                .contains("<dd id=\"lead-status\">HANDED_OFF</dd>").contains("Lifecycle transitions");
        assertThat(Pattern.compile("<tr class=\"transition\">").matcher(html).results().count()).isEqualTo(2);
    }
}
