package io.leadqualifier.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.PolicyWorkspace;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Auditors search the trail, follow a lead's stage changes, and replay decisions under their own version. */
@QuarkusTest
@TestProfile(AuditProfile.class)
class DecisionTrailTest {
    private static final String IDEAL = "\"contact\":{\"email\":\"c@acme.fr\",\"seniority\":\"DIRECTOR\"},"
            + "\"company\":{\"industry\":\"SOFTWARE\",\"employees\":250,\"country\":\"FR\"}";

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }

    private static JsonPath qualify(String leadId, String asOf, String facts) {
        return given().contentType("application/json")
                .body("{\"leadId\":\"" + leadId + "\",\"asOf\":\"" + asOf + "\"," + facts + "}")
                .post("/api/v1/qualify").then().statusCode(200).extract().jsonPath();
    }

    /** A lead that goes LEAD → MQL → MQL → SQL. */
    private static List<JsonPath> journey(String leadId) {
        return List.of(qualify(leadId, "2026-11-01T10:00:00Z", IDEAL),
                qualify(leadId, "2026-11-05T10:00:00Z", IDEAL + ",\"activities\":[{\"type\":\"DEMO_REQUEST\",\"at\":\"2026-11-04T10:00:00Z\"}]"),
                qualify(leadId, "2026-11-06T10:00:00Z", IDEAL + ",\"activities\":[{\"type\":\"DEMO_REQUEST\",\"at\":\"2026-11-04T10:00:00Z\"}]"),
                qualify(leadId, "2026-11-10T10:00:00Z", IDEAL + ",\"bant\":{\"need\":true,\"budget\":true,\"authority\":true,\"timingMonths\":3}"));
    }

    @Test
    void searchFiltersPagesAndCounts() {
        String lead = "search-" + UUID.randomUUID().toString().substring(0, 8);
        List<JsonPath> decisions = journey(lead);
        String version = decisions.get(0).getString("policy.version");

        given().queryParam("leadId", lead).get("/api/v1/decisions").then().statusCode(200)
                .body("total", equalTo(4)).body("items", hasSize(4))
                .body("items[0].decisionId", equalTo(decisions.get(3).getString("decisionId")));
        given().queryParam("leadId", lead).queryParam("stage", "MQL").get("/api/v1/decisions").then().body("total", equalTo(2));
        given().queryParam("leadId", lead).queryParam("route", "AE").get("/api/v1/decisions").then()
                .body("total", equalTo(1)).body("items[0].stage", equalTo("SQL"));
        given().queryParam("leadId", lead).queryParam("rule", "Engagement: DEMO_REQUEST").get("/api/v1/decisions").then()
                .body("total", equalTo(2));
        given().queryParam("leadId", lead).queryParam("policyVersion", version).get("/api/v1/decisions").then().body("total", equalTo(4));
        given().queryParam("leadId", lead).queryParam("policyVersion", "000000000000").get("/api/v1/decisions").then().body("total", equalTo(0));
        given().queryParam("leadId", lead).queryParam("from", decisions.get(2).getString("evaluatedAt")).get("/api/v1/decisions").then()
                .body("total", equalTo(2));
        given().queryParam("leadId", lead).queryParam("to", decisions.get(1).getString("evaluatedAt")).get("/api/v1/decisions").then()
                .body("total", equalTo(1));
        given().queryParam("leadId", lead).queryParam("size", 3).queryParam("page", 1).get("/api/v1/decisions").then()
                .body("total", equalTo(4)).body("items", hasSize(1))
                .body("items[0].decisionId", equalTo(decisions.get(0).getString("decisionId")));
    }

    @Test
    void badFiltersAreA400SayingWhich() {
        given().queryParam("stage", "HOT").get("/api/v1/decisions").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("1 field is invalid")).body("errors[0].field", equalTo("stage"))
                .body("errors[0].message", equalTo("must be one of [LEAD, MQL, SQL, OPPORTUNITY, DISQUALIFIED]"));
        given().queryParam("from", "yesterday").get("/api/v1/decisions").then().statusCode(400)
                .body("errors[0].field", equalTo("from")).body("errors[0].message", containsString("ISO-8601"));
        given().queryParam("size", 0).get("/api/v1/decisions").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("leadId", "a b").get("/api/v1/decisions").then().statusCode(400).body("errors[0].field", equalTo("leadId"));
        given().queryParam("stage", "hot").queryParam("policyVersion", "v1").get("/api/v1/decisions").then().statusCode(400)
                .body("detail", equalTo("2 fields are invalid")).body("errors.field", contains("policyVersion", "stage"));
        given().queryParam("stage", "mql").get("/api/v1/decisions").then().statusCode(200);
        given().queryParam("policyVersion", "' or 1=1").get("/api/v1/decisions").then().statusCode(400);
    }

    @Test
    void searchByRuleAloneWalksEveryDecisionItFiredInNewestFirst() {
        String lead = "quote-" + UUID.randomUUID().toString().substring(0, 8);
        String quote = IDEAL + ",\"activities\":[{\"type\":\"QUOTE_REQUEST\",\"at\":\"2026-11-04T10:00:00Z\"}]";
        List<String> ours = List.of(qualify(lead, "2026-11-05T10:00:00Z", quote).getString("decisionId"),
                qualify(lead, "2026-11-06T10:00:00Z", quote).getString("decisionId"),
                qualify(lead, "2026-11-07T10:00:00Z", IDEAL).getString("decisionId"));

        JsonPath all = given().queryParam("rule", "Engagement: QUOTE_REQUEST").queryParam("size", 500).get("/api/v1/decisions")
                .then().statusCode(200).extract().jsonPath();
        List<String> found = all.getList("items.decisionId");
        assertThat(all.getInt("total")).isEqualTo(found.size()).isGreaterThanOrEqualTo(2);
        assertThat(found).contains(ours.get(0), ours.get(1)).doesNotContain(ours.get(2));
        assertThat(found.indexOf(ours.get(1))).isLessThan(found.indexOf(ours.get(0)));
        List<String> evaluated = all.getList("items.evaluatedAt");
        assertThat(evaluated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        for (String id : found) {
            given().get("/api/v1/decisions/" + id).then().body("firedRules.name", org.hamcrest.Matchers.hasItem("Engagement: QUOTE_REQUEST"));
        }
        // with a decision filter the rule index is joined to the decisions
        given().queryParam("rule", "Engagement: QUOTE_REQUEST").queryParam("stage", "MQL").queryParam("size", 500).get("/api/v1/decisions")
                .then().body("items.stage", org.hamcrest.Matchers.everyItem(equalTo("MQL")))
                .body("items.decisionId", org.hamcrest.Matchers.hasItems(ours.get(0), ours.get(1)));
        given().queryParam("rule", "Engagement: QUOTE_REQUEST").queryParam("size", 1).queryParam("page", 1).get("/api/v1/decisions")
                .then().body("total", equalTo(found.size())).body("items[0].decisionId", equalTo(found.get(1)));
    }

    @Test
    void leadHistoryMarksEachStageChange() {
        String lead = "history-" + UUID.randomUUID().toString().substring(0, 8);
        journey(lead);

        given().get("/api/v1/leads/" + lead + "/decisions").then().statusCode(200)
                .body("stage", contains("LEAD", "MQL", "MQL", "SQL"))
                .body("[0].transition.from", nullValue()).body("[0].transition.to", equalTo("LEAD"))
                .body("[1].transition.from", equalTo("LEAD")).body("[1].transition.to", equalTo("MQL"))
                .body("[2].transition", nullValue())
                .body("[3].transition.from", equalTo("MQL")).body("[3].transition.to", equalTo("SQL"));
    }

    @Test
    void replayIsIdenticalForEveryStage() {
        String lead = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> facts = List.of(IDEAL,
                IDEAL + ",\"activities\":[{\"type\":\"DEMO_REQUEST\",\"at\":\"2026-11-04T10:00:00Z\"}]",
                IDEAL + ",\"bant\":{\"need\":true,\"budget\":true,\"authority\":true,\"timingMonths\":3}",
                IDEAL + ",\"bant\":{\"need\":true,\"budget\":true,\"authority\":true,\"timingMonths\":3},\"sales\":{\"proposalRequested\":true}",
                "\"contact\":{\"email\":\"s@uni.edu\",\"seniority\":\"STUDENT\"}");
        List<String> stages = facts.stream().map(f -> qualify(lead, "2026-11-05T10:00:00Z", f))
                .map(decision -> {
                    given().post("/api/v1/decisions/" + decision.getString("decisionId") + "/replay").then().statusCode(200)
                            .body("identical", equalTo(true)).body("differences", hasSize(0))
                            .body("policyVersion", equalTo(decision.getString("policy.version")));
                    return decision.getString("stage");
                }).toList();
        assertThat(stages).containsExactly("LEAD", "MQL", "SQL", "OPPORTUNITY", "DISQUALIFIED");
    }

    @Test
    void replayUsesTheRecordedVersionLongAfterThePolicyChanged() {
        JsonPath before = qualify("replay-old", "2026-11-05T10:00:00Z",
                "\"contact\":{\"email\":\"c@acme.fr\"},\"activities\":[{\"type\":\"EMAIL_CLICK\",\"at\":\"2026-11-04T10:00:00Z\"}]");
        byte[] table = PolicyWorkspace.copyOfDefault()
                .setCell("engagement-scoring.xlsx", "Engagement", "Engagement: EMAIL_CLICK", "Points", 9)
                .bytes("decision-tables/engagement-scoring.xlsx");
        String newVersion = given().multiPart("file", "engagement-scoring.xlsx", table, "application/octet-stream")
                .post("/api/v1/policy/files").then().statusCode(200).extract().path("version");
        assertThat(newVersion).isNotEqualTo(before.getString("policy.version"));

        given().post("/api/v1/decisions/" + before.getString("decisionId") + "/replay").then().statusCode(200)
                .body("identical", equalTo(true)).body("policyVersion", equalTo(before.getString("policy.version")));
        JsonPath after = qualify("replay-old", "2026-11-05T10:00:00Z",
                "\"contact\":{\"email\":\"c@acme.fr\"},\"activities\":[{\"type\":\"EMAIL_CLICK\",\"at\":\"2026-11-04T10:00:00Z\"}]");
        assertThat(after.getInt("score.engagement")).isEqualTo(9);
        assertThat(before.getInt("score.engagement")).isEqualTo(8);
    }

    @Test
    void replayingATimeRangeCountsIdenticalAndDifferent() {
        String start = java.time.Instant.now().minusMillis(1).toString();
        journey("range-" + UUID.randomUUID().toString().substring(0, 8));
        String end = java.time.Instant.now().plusSeconds(1).toString();

        given().queryParam("from", start).queryParam("to", end).post("/api/v1/decisions/replay").then().statusCode(200)
                .body("replayed", equalTo(4)).body("identical", equalTo(4)).body("different", equalTo(0));
        given().queryParam("from", end).queryParam("to", start).post("/api/v1/decisions/replay").then().statusCode(400);
    }

    @Test
    void onlyAuditorsAndAdminsReplay() {
        String id = qualify("replay-roles", "2026-11-05T10:00:00Z", IDEAL).getString("decisionId");
        TestCredentials.as(Roles.REVOPS).post("/api/v1/decisions/" + id + "/replay").then().statusCode(403);
        TestCredentials.as(Roles.AUDITOR).post("/api/v1/decisions/" + id + "/replay").then().statusCode(200);
        TestCredentials.as(Roles.CRM).get("/api/v1/decisions?leadId=replay-roles").then().statusCode(403);
    }
}
