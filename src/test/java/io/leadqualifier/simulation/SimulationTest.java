package io.leadqualifier.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.PolicyWorkspace;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The MQL threshold lowered from 70 to 60, simulated over seven recorded decisions of six leads whose verdicts are
 * known by hand (fit 50 each: software, 250 employees, director, France), all in ISO week 2026-W41:
 * <pre>
 * lead   asOf (October)  engagement          total  under 70 → under 60    outcome
 * sim-A  Mon 5  10:00    download + webinar  75     MQL SDR  → MQL SDR      WON
 * sim-B  Mon 5  11:00    webinar             65     LEAD NUR → MQL SDR      LOST
 * sim-B  Tue 6  11:00    webinar             65     LEAD NUR → MQL SDR      (same lead: one hand-off)
 * sim-C  Tue 6  12:00    download            60     LEAD NUR → MQL SDR      WON
 * sim-D  Wed 7  10:00    one email open      55     LEAD NUR → LEAD NUR     LOST
 * sim-E  Wed 7  11:00    none, full BANT     50     SQL AE   → SQL AE       WON
 * sim-F  Thu 8  10:00    student             —      DISQUALIFIED NONE        (unknown)
 * </pre>
 * Stages: LEAD→MQL 3, LEAD→LEAD 1, MQL→MQL 1, SQL→SQL 1, DISQUALIFIED→DISQUALIFIED 1; routes NURTURE→SDR 3. Hand-offs
 * in 2026-W41: AE 1 under both; SDR 1 under 70 (A), 3 under 60 (A, B once, C). All totals unchanged.
 */
@QuarkusTest
@TestProfile(SimulationProfile.class)
class SimulationTest {
    private static final String THRESHOLDS = "decision-tables/stage-thresholds.xlsx";
    private static Instant from;
    private static Instant to;
    private static byte[] threshold60;

    @BeforeEach
    void recordTheWeekOnce() {
        if (from != null) {
            return;
        }
        from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        qualify("sim-A", "05T10:00:00", activity("CONTENT_DOWNLOAD", "04T09:00:00") + "," + activity("WEBINAR_ATTENDED", "03T09:00:00"), "", "DIRECTOR");
        qualify("sim-B", "05T11:00:00", activity("WEBINAR_ATTENDED", "04T09:00:00"), "", "DIRECTOR");
        qualify("sim-B", "06T11:00:00", activity("WEBINAR_ATTENDED", "04T09:00:00"), "", "DIRECTOR");
        qualify("sim-C", "06T12:00:00", activity("CONTENT_DOWNLOAD", "05T09:00:00"), "", "DIRECTOR");
        qualify("sim-D", "07T10:00:00", activity("EMAIL_OPEN", "06T09:00:00"), "", "DIRECTOR");
        qualify("sim-E", "07T11:00:00", "", ",\"bant\":{\"need\":true,\"budget\":true,\"authority\":true,\"timingMonths\":3}", "DIRECTOR");
        qualify("sim-F", "08T10:00:00", "", "", "STUDENT");
        event("sim-A", "WON", "09T10:00:00");
        event("sim-B", "LOST", "09T10:00:00");
        event("sim-C", "WON", "09T10:00:00");
        event("sim-D", "LOST", "09T10:00:00");
        event("sim-E", "WON", "09T10:00:00");
        to = Instant.now().plusSeconds(1);
        threshold60 = PolicyWorkspace.copyOfDefault().setCell("stage-thresholds.xlsx", "Stages", "Stage: MQL", "Total at least", 60)
                .bytes(THRESHOLDS);
    }

    @Test
    void lowerMqlThresholdMovesTheLeadsBetweenSixtyAndSeventyToSdr() {
        JsonPath done = finished(submit(revops().multiPart("file", "stage-thresholds.xlsx", threshold60)));

        assertThat(done.<Map<String, Map<String, Integer>>>getJsonObject("report.stages.matrix")).isEqualTo(Map.of(
                "LEAD", row(1, 3, 0, 0, 0), "MQL", row(0, 1, 0, 0, 0), "SQL", row(0, 0, 1, 0, 0), "OPPORTUNITY", row(0, 0, 0, 0, 0),
                "DISQUALIFIED", row(0, 0, 0, 0, 1)));
        assertThat(done.getMap("report.stages.baseline")).containsEntry("LEAD", 4).containsEntry("MQL", 1);
        assertThat(done.getMap("report.stages.candidate")).containsEntry("LEAD", 1).containsEntry("MQL", 4);
        assertThat(done.getInt("report.routes.matrix.NURTURE.SDR")).isEqualTo(3);
        assertThat(done.getInt("report.routes.changed")).isEqualTo(3);
        assertThat(done.getInt("report.temperatures.changed")).isZero();
        assertThat(done.getInt("report.evaluated")).isEqualTo(7);
        assertThat(done.getInt("report.leads")).isEqualTo(6);
        assertThat(done.getInt("report.changed")).isEqualTo(3);
        assertThat(done.getInt("report.scoreShift.unchanged")).isEqualTo(7);
        assertThat(done.getList("report.handoffLoad", Map.class)).containsExactly(
                Map.of("week", "2026-W41", "queue", "AE", "baseline", 1, "candidate", 1),
                Map.of("week", "2026-W41", "queue", "SDR", "baseline", 1, "candidate", 3));
        assertThat(done.getInt("progress.processed")).isEqualTo(7);
        assertThat(done.getInt("progress.total")).isEqualTo(7);
    }

    @Test
    void aCandidateFailingItsScenariosIsSimulatedAndTheReportCarriesItsChecks() {
        JsonPath done = finished(submit(revops().multiPart("file", "stage-thresholds.xlsx", threshold60)));

        assertThat(done.getString("checks.status")).isEqualTo("INVALID");
        assertThat(done.getList("checks.problems.message", String.class)).anySatisfy(message -> assertThat(message).contains("expected stage LEAD, got MQL"));
        assertThat(done.getString("candidate")).isNotEqualTo(done.getString("baseline"));
    }

    @Test
    void changedLeadsComePagedWithBothVerdictsAndTheRulesThatMadeTheDifference() {
        String id = finished(submit(revops().multiPart("file", "stage-thresholds.xlsx", threshold60))).getString("id");

        JsonPath first = revops().get("/api/v1/simulations/" + id + "/changes?page=0&size=2").then().statusCode(200).extract().jsonPath();
        JsonPath second = revops().get("/api/v1/simulations/" + id + "/changes?page=1&size=2").then().statusCode(200).extract().jsonPath();

        assertThat(first.getInt("total")).isEqualTo(3);
        assertThat(first.getList("items.leadId")).containsExactly("sim-B", "sim-B");
        assertThat(second.getList("items.leadId")).containsExactly("sim-C");
        assertThat(second.getString("items[0].asOf")).isEqualTo("2026-10-06T12:00:00Z");
        assertThat(second.getString("items[0].decisionId")).isNotBlank();
        assertThat(second.getString("items[0].baseline.stage")).isEqualTo("LEAD");
        assertThat(second.getString("items[0].baseline.route")).isEqualTo("NURTURE");
        assertThat(second.getString("items[0].candidate.stage")).isEqualTo("MQL");
        assertThat(second.getString("items[0].candidate.queue")).isEqualTo("SDR");
        assertThat(second.getInt("items[0].candidate.score.total")).isEqualTo(60);
        assertThat(second.getList("items[0].baseline.firedOnlyHere", String.class)).contains("Stage: lead");
        assertThat(second.getList("items[0].candidate.firedOnlyHere", String.class)).contains("Stage: MQL");
    }

    @Test
    void calibrationComesFromTheWonAndLostEvents() {
        JsonPath done = finished(submit(revops().multiPart("file", "stage-thresholds.xlsx", threshold60)));

        // Five leads with an outcome (F has none), three won: base rate 0.6. Under 70, LEAD holds B, C, D (C won).
        assertThat(done.getInt("report.calibration.baseline.leads")).isEqualTo(5);
        assertThat(done.getDouble("report.calibration.baseline.baseRate")).isEqualTo(0.6);
        Map<String, Object> lead = done.getMap("report.calibration.baseline.byStage.find { it.value == 'LEAD' }");
        assertThat(lead).containsEntry("leads", 3).containsEntry("converted", 1);
        assertThat((Float) lead.get("lift")).isCloseTo(0.5556f, org.assertj.core.data.Offset.offset(0.001f));
        // Winners 75, 60, 50 against losers 65, 55: 3 of the 6 pairs ranked right.
        assertThat(done.getDouble("report.calibration.baseline.auc")).isEqualTo(0.5);
        // Under 70: A and E reach sales (volume 2); thresholds 70 and 75 both keep 2 with F1 0.8, the higher wins the tie.
        assertThat(done.getInt("report.calibration.baseline.mqlThreshold.currentVolume")).isEqualTo(2);
        assertThat(done.getInt("report.calibration.baseline.mqlThreshold.suggested.threshold")).isEqualTo(75);
        assertThat(done.getList("report.calibration.baseline.mqlThreshold.points.threshold")).containsExactly(55, 60, 65, 70, 75);
        // Under 60: A, B, C and E (volume 4); 60 keeps them, with precision 0.75 and recall 1.
        assertThat(done.getInt("report.calibration.candidate.mqlThreshold.suggested.threshold")).isEqualTo(60);
        assertThat(done.getDouble("report.calibration.candidate.mqlThreshold.suggested.precision")).isEqualTo(0.75);
        assertThat(done.getDouble("report.calibration.candidate.mqlThreshold.suggested.recall")).isEqualTo(1.0);
    }

    @Test
    void twoStoredVersionsCompareWithoutAnUpload() {
        // A rejected upload is archived with its files: a stored version that never served.
        revops().multiPart("file", "stage-thresholds.xlsx", threshold60).post("/api/v1/policy/files").then().statusCode(422);
        String lowered = revops().get("/api/v1/policy/candidates?limit=1").then().extract().path("[0].version");
        String serving = revops().get("/api/v1/policy").then().extract().path("version");

        JsonPath back = finished(submit(revops().multiPart("version", serving).multiPart("baseline", lowered)));

        assertThat(back.getString("baseline")).isEqualTo(lowered);
        assertThat(back.getString("candidate")).isEqualTo(serving);
        assertThat(back.getString("checks.status")).isEqualTo("VALID");
        assertThat(back.getInt("report.stages.matrix.MQL.LEAD")).isEqualTo(3);
        assertThat(back.getInt("report.stages.matrix.LEAD.MQL")).isZero();
    }

    @Test
    void aCandidateThatDoesNotCompileIsRefusedWithItsProblems() {
        revops().multiPart("file", "broken.drl", "package leadqualifier.policy\nrule \"Broken\" when Lead( nosuchField == 1 ) then end\n".getBytes())
                .multiPart("from", from.toString()).multiPart("to", to.toString())
                .post("/api/v1/simulations").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lead-qualifier:problem:policy-rejected")).body("problems[0].file", equalTo("rules/broken.drl"));
    }

    @Test
    void aSimulationNeedsOneCandidateAndARange() {
        revops().multiPart("from", from.toString()).multiPart("to", to.toString()).post("/api/v1/simulations").then().statusCode(400)
                .body("detail", containsString("either as file parts"));
        revops().multiPart("file", "stage-thresholds.xlsx", threshold60).multiPart("version", "466c66e97130")
                .multiPart("from", from.toString()).multiPart("to", to.toString()).post("/api/v1/simulations").then().statusCode(400);
        revops().multiPart("file", "stage-thresholds.xlsx", threshold60).post("/api/v1/simulations").then().statusCode(400)
                .body("detail", containsString("from and to"));
        revops().multiPart("file", "stage-thresholds.xlsx", threshold60).multiPart("from", to.toString()).multiPart("to", from.toString())
                .post("/api/v1/simulations").then().statusCode(400);
    }

    @Test
    void anUnknownSimulationIsNotFoundAndOnlyRevopsSimulate() {
        revops().get("/api/v1/simulations/no-such-simulation").then().statusCode(404).contentType("application/problem+json");
        TestCredentials.as(Roles.CRM).multiPart("file", "stage-thresholds.xlsx", threshold60).multiPart("from", from.toString())
                .multiPart("to", to.toString()).post("/api/v1/simulations").then().statusCode(403);
    }

    private static String submit(RequestSpecification request) {
        return request.multiPart("from", from.toString()).multiPart("to", to.toString()).post("/api/v1/simulations").then()
                .statusCode(202).header("Location", containsString("/api/v1/simulations/")).body("status", not(equalTo("FAILED")))
                .extract().path("id");
    }

    private static JsonPath finished(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(
                () -> List.of("DONE", "FAILED").contains(revops().get("/api/v1/simulations/" + id).then().extract().<String>path("status")));
        JsonPath done = revops().get("/api/v1/simulations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("DONE");
        return done;
    }

    private static Map<String, Integer> row(int lead, int mql, int sql, int opportunity, int disqualified) {
        return Map.of("LEAD", lead, "MQL", mql, "SQL", sql, "OPPORTUNITY", opportunity, "DISQUALIFIED", disqualified);
    }

    private static RequestSpecification revops() {
        return TestCredentials.as(Roles.REVOPS);
    }

    private static String activity(String type, String day) {
        return "{\"type\":\"" + type + "\",\"at\":\"2026-10-" + day + "Z\"}";
    }

    private static void qualify(String leadId, String asOf, String activities, String extra, String seniority) {
        String body = "{\"leadId\":\"" + leadId + "\",\"asOf\":\"2026-10-" + asOf + "Z\",\"contact\":{\"email\":\"c@acme.fr\",\"seniority\":\""
                + seniority + "\"},\"company\":{\"industry\":\"SOFTWARE\",\"employees\":250,\"country\":\"FR\"},\"activities\":["
                + activities + "]" + extra + "}";
        TestCredentials.as(Roles.CRM).contentType("application/json").body(body).post("/api/v1/qualify").then().statusCode(200);
    }

    private static void event(String leadId, String type, String at) {
        String body = "{\"eventId\":\"" + leadId + "-" + type + "\",\"type\":\"" + type + "\",\"at\":\"2026-10-" + at + "Z\""
                + ("LOST".equals(type) ? ",\"reason\":\"PRICE\"" : "") + "}";
        TestCredentials.as(Roles.CRM).contentType("application/json").body(body).post("/api/v1/leads/" + leadId + "/events").then()
                .statusCode(201);
    }
}
