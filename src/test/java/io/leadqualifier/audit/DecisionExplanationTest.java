package io.leadqualifier.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * An auditor asks why a decision is what it is, and why it is not the next stage. The ideal contact below
 * has fit 50 (software +15, 250 employees +15, director +15, France +5) and one box, ICP fit.
 */
@QuarkusTest
@TestProfile(AuditProfile.class)
class DecisionExplanationTest {
    private static final String IDEAL = "\"contact\":{\"email\":\"c@acme.fr\",\"seniority\":\"DIRECTOR\"},"
            + "\"company\":{\"industry\":\"SOFTWARE\",\"employees\":250,\"country\":\"FR\"}";
    private static final String BANT_FOUR = ",\"bant\":{\"need\":true,\"budget\":true,\"authority\":true,\"timingMonths\":3}";

    @BeforeEach
    void actAsAuditor() {
        TestCredentials.actAs(Roles.AUDITOR);
    }

    private static String qualify(String facts) {
        return TestCredentials.as(Roles.CRM).contentType("application/json")
                .body("{\"leadId\":\"explain-1\",\"asOf\":\"2026-11-20T10:00:00Z\"," + facts + "}")
                .post("/api/v1/qualify").then().statusCode(200).extract().path("decisionId");
    }

    private static String activities(String... typesAndDays) {
        StringBuilder json = new StringBuilder(",\"activities\":[");
        for (int i = 0; i < typesAndDays.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"").append(typesAndDays[i]).append("\",\"at\":\"2026-11-1")
                    .append(i % 10).append("T10:00:00Z\",\"detail\":\"visit ").append(i).append("\"}");
        }
        return json.append(']').toString();
    }

    private static JsonPath explain(String decisionId) {
        return given().get("/api/v1/decisions/" + decisionId + "/explanation").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    private static int sum(JsonPath explanation, String lines) {
        return explanation.getList("score." + lines + ".points", Integer.class).stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void theLedgerSumsExactlyToTheRecordedScoresAndNamesEachTableRow() {
        String id = qualify(IDEAL + activities("CONTENT_DOWNLOAD", "EMAIL_OPEN", "WEBSITE_VISIT", "WEBSITE_VISIT", "UNSUBSCRIBE"));
        JsonPath recorded = given().get("/api/v1/decisions/" + id).then().extract().jsonPath();
        JsonPath explanation = explain(id);

        assertThat(explanation.getBoolean("matchesRecord")).isTrue();
        assertThat(sum(explanation, "fitLines")).isEqualTo(recorded.getInt("score.fit")).isEqualTo(50);
        assertThat(sum(explanation, "engagementLines")).isEqualTo(recorded.getInt("score.engagement")).isEqualTo(10 + 5 + 4 - 20);
        assertThat(explanation.getInt("score.total")).isEqualTo(recorded.getInt("score.total")).isEqualTo(49);
        assertThat(explanation.getList("score.engagementLines.points", Integer.class)).containsExactlyInAnyOrder(10, 5, 4, -20);
        assertThat(explanation.getString("score.arithmetic")).startsWith("fit 50 = 15 + 15 + 15 + 5; engagement -1 = ")
                .endsWith("; total = max(0, 50 − 1) = 49");
        assertThat(explanation.getList("score.fitLines.location", String.class))
                .allMatch(location -> location.matches("decision-tables/fit-scoring\\.xlsx, sheet \\w+, row \\d+"));
        Map<String, Object> unsubscribe = explanation.getMap("score.engagementLines.find { it.rule == 'Engagement: UNSUBSCRIBE' }");
        assertThat(unsubscribe).containsEntry("points", -20);
        assertThat((String) unsubscribe.get("location")).startsWith("decision-tables/engagement-scoring.xlsx, sheet Engagement, row ");
    }

    @Test
    void oneTotalPointShortOfMqlSaysSo() {
        // 50 + content download 10 + email open 5 + two visits 4 = 69
        JsonPath explanation = explain(qualify(IDEAL + activities("CONTENT_DOWNLOAD", "EMAIL_OPEN", "WEBSITE_VISIT", "WEBSITE_VISIT")));
        assertThat(explanation.getString("stage")).isEqualTo("LEAD");
        assertThat(explanation.getInt("whyNot.mql.pointsShort")).isEqualTo(1);
        assertThat(explanation.getInt("whyNot.mql.totalNeeded")).isEqualTo(70);
        assertThat(explanation.getString("whyNot.mql.summary")).isEqualTo("1 point short: the total is 69, MQL needs 70");
    }

    @Test
    void atTheMqlThresholdItIsMqlAndWhyNotMovesToTheSqlBoxes() {
        // 50 + 10 + two email opens 10 = 70
        JsonPath explanation = explain(qualify(IDEAL + activities("CONTENT_DOWNLOAD", "EMAIL_OPEN", "EMAIL_OPEN")));
        assertThat(explanation.getString("stage")).isEqualTo("MQL");
        assertThat(explanation.getString("whyStage.rule")).isEqualTo("Stage: MQL");
        assertThat(explanation.getString("whyStage.location")).startsWith("decision-tables/stage-thresholds.xlsx, sheet Stages, row ");
        assertThat(explanation.getMap("whyNot")).doesNotContainKey("mql");
        assertThat(explanation.getList("whyNot.sql.missingBoxes")).containsExactly("NEED", "BUDGET", "AUTHORITY", "TIMING", "INTENT");
        // five of six with need mandatory: need and any three of the other four
        List<List<String>> sets = explanation.getList("whyNot.sql.smallestBoxSets");
        assertThat(sets).hasSize(4).allMatch(set -> set.size() == 4 && set.contains("NEED"));
        assertThat(explanation.getString("whyNot.sql.summary"))
                .isEqualTo("1 of 6 boxes checked; for SQL check NEED and any 3 of BUDGET, AUTHORITY, TIMING, INTENT");
        assertThat(explanation.getString("whyNot.opportunity.summary")).contains("a sales signal: proposalRequested or negotiationStarted");
        assertThat(explanation.getString("sla.terms.owner")).isEqualTo("SDR");
        assertThat(explanation.getString("sla.cause.location")).startsWith("decision-tables/handoff-sla.xlsx");
    }

    @Test
    void theSlaSaysWhoWasAssignedAndWhichClockCounts() {
        String id = qualify(IDEAL + activities("CONTENT_DOWNLOAD", "EMAIL_OPEN", "EMAIL_OPEN"));
        String assignee = given().get("/api/v1/decisions/" + id).then().extract().path("sla.assignee");
        assertThat(assignee).isNotBlank();
        assertThat(explain(id).getString("sla.terms.assignee")).isEqualTo(assignee);
        String text = given().queryParam("format", "text").get("/api/v1/decisions/" + id + "/explanation").then().statusCode(200).extract()
                .asString();
        assertThat(text).contains("SLA: SDR (" + assignee + ") must respond by ").contains("(wall-clock time)");
    }

    @Test
    void fourBoxesWithNeedLackOneOfTheOtherTwo() {
        JsonPath explanation = explain(qualify(IDEAL + ",\"bant\":{\"need\":true,\"budget\":true,\"authority\":true}"));
        assertThat(explanation.getList("checklist.findAll { it.checked }.box")).containsExactly("ICP_FIT", "NEED", "BUDGET", "AUTHORITY");
        List<List<String>> sets = explanation.getList("whyNot.sql.smallestBoxSets");
        assertThat(sets).containsExactlyInAnyOrder(List.of("TIMING"), List.of("INTENT"));
        assertThat(explanation.getString("whyNot.sql.summary")).isEqualTo("4 of 6 boxes checked; for SQL check TIMING or INTENT");
    }

    @Test
    void fiveBoxesWithoutNeedLackNeedAlone() {
        // five boxes, but need is mandatory: need alone is what it lacks
        JsonPath explanation = explain(qualify(IDEAL + ",\"bant\":{\"budget\":true,\"authority\":true,\"timingMonths\":2}"
                + activities("DEMO_REQUEST")));
        assertThat(explanation.getInt("checklist.findAll { it.checked }.size()")).isEqualTo(5);
        assertThat(explanation.getString("stage")).isIn("LEAD", "MQL");
        assertThat(explanation.getList("whyNot.sql.smallestBoxSets")).containsExactly(List.of("NEED"));
    }

    @Test
    void anSqlNeedsOnlyASalesSignalAndAnOpportunityNeedsNothing() {
        JsonPath sql = explain(qualify(IDEAL + BANT_FOUR));
        assertThat(sql.getString("stage")).isEqualTo("SQL");
        assertThat(sql.getList("whyNot.opportunity.salesSignals")).containsExactly("proposalRequested", "negotiationStarted");
        assertThat(sql.getMap("whyNot")).containsOnlyKeys("opportunity");

        String opportunity = qualify(IDEAL + BANT_FOUR + ",\"sales\":{\"proposalRequested\":true}");
        assertThat(explain(opportunity).getMap("whyNot")).isEmpty();
        given().accept("text/plain").get("/api/v1/decisions/" + opportunity + "/explanation").then().statusCode(200)
                .contentType(containsString("text/plain")).body(containsString("It is at the last stage."));
    }

    @Test
    void aKnockOutExplainsThatNothingElseMatters() {
        JsonPath explanation = explain(qualify("\"contact\":{\"email\":\"s@uni.fr\",\"seniority\":\"STUDENT\"}"));
        assertThat(explanation.getString("stage")).isEqualTo("DISQUALIFIED");
        assertThat(explanation.getList("knockOuts.rule")).hasSize(1);
        assertThat(explanation.getBoolean("whyNot.mql.reachable")).isFalse();
        assertThat(explanation.getString("whyNot.sql.summary")).startsWith("Knocked out (");
    }

    @Test
    void thePlainTextAccountReadsTheSameNumbers() {
        String id = qualify(IDEAL + activities("CONTENT_DOWNLOAD", "EMAIL_OPEN", "WEBSITE_VISIT", "WEBSITE_VISIT"));
        String text = given().queryParam("format", "text").get("/api/v1/decisions/" + id + "/explanation").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertThat(text).contains("Stage LEAD, temperature WARM, route NURTURE")
                .contains("fit 50 = 15 + 15 + 15 + 5; engagement 19 = ").contains("; total = max(0, 50 + 19) = 69")
                .contains("[x] ICP_FIT").contains("[ ] NEED")
                .contains("MQL: 1 point short: the total is 69, MQL needs 70");
        given().queryParam("format", "pdf").get("/api/v1/decisions/" + id + "/explanation").then().statusCode(400)
                .body("errors[0].field", equalTo("format")).body("errors[0].message", equalTo("must be one of [json, text]"));
        given().get("/api/v1/decisions/00000000-0000-0000-0000-000000000000/explanation").then().statusCode(404);
    }
}
