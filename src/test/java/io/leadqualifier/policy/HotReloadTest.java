package io.leadqualifier.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.handoff.roster.RosterMember;
import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.compile.CompiledPolicy;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** RevOps save a file; the service checks it and swaps it in, or keeps the old policy and says why. */
@QuarkusTest
@TestProfile(HotReloadProfile.class)
public class HotReloadTest {

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }
    private static final String CLICKER = """
            { "leadId": "clicker", "asOf": "2026-11-22T10:00:00Z", "contact": { "email": "a@acme.fr" },
              "activities": [ { "type": "EMAIL_CLICK", "at": "2026-11-21T09:00:00Z" } ] }
            """;

    private final PolicyWorkspace disk = PolicyWorkspace.at(HotReloadProfile.DIRECTORY);

    @Inject
    ActivePolicy active;

    @Test
    void editedCellServesWithinSecondsAndEarlierDecisionsKeepTheirVersion() throws Exception {
        JsonPath before = qualify(CLICKER);
        String oldVersion = before.getString("policy.version");
        assertThat(before.getInt("score.engagement")).isEqualTo(8);

        disk.setCell("engagement-scoring.xlsx", "Engagement", "Engagement: EMAIL_CLICK", "Points", 9);
        String newVersion = awaitActiveVersionOtherThan(oldVersion);

        JsonPath after = qualify(CLICKER);
        assertThat(after.getString("policy.version")).isEqualTo(newVersion);
        assertThat(after.getInt("score.engagement")).isEqualTo(9);
        given().when().get("/api/v1/decisions/" + before.getString("decisionId"))
                .then().statusCode(200).body("policy.version", equalTo(oldVersion)).body("score.engagement", equalTo(8));
        assertThat(latestCandidate().getString("origin")).isEqualTo("FILE_WATCH");
        assertThat(latestCandidate().getString("status")).isEqualTo("ACTIVATED");
    }

    @Test
    void saveThroughATemporaryFileAndRenameIsOneChange() throws Exception {
        String oldVersion = activeVersion();
        PolicyWorkspace scratch = PolicyWorkspace.copyOfDefault()
                .setCell("engagement-scoring.xlsx", "Engagement", "Engagement: EVENT_VISIT", "Window (days)", 200);
        Path temporary = HotReloadProfile.DIRECTORY.resolve("decision-tables/.~lock-engagement.tmp");
        Files.write(temporary, scratch.bytes("decision-tables/engagement-scoring.xlsx"));
        Files.move(temporary, HotReloadProfile.DIRECTORY.resolve("decision-tables/engagement-scoring.xlsx"),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        String newVersion = awaitActiveVersionOtherThan(oldVersion);
        List<Map<String, Object>> candidates = candidates().getList("findAll { it.version == '" + newVersion + "' }");
        assertThat(candidates).hasSize(1);
    }

    @Test
    void brokenDrlIsRejectedWithItsLineAndTheOldPolicyKeepsServing() throws Exception {
        JsonPath rejected = rejectedAfter("rules/assessment.drl", () -> disk.write("rules/assessment.drl", disk.read("rules/assessment.drl")
                .replace("insert(outcome.checklist());\nend", "insert(outcome.checklist())\nend")));

        List<Map<String, Object>> problems = rejected.getList("problems");
        assertThat(problems).anyMatch(problem -> problem.get("file").equals("rules/assessment.drl")
                && String.valueOf(problem.get("location")).startsWith("line "));
    }

    @Test
    void corruptWorkbookIsRejected() throws Exception {
        JsonPath rejected = rejectedAfter("decision-tables/fit-scoring.xlsx",
                () -> disk.write("decision-tables/fit-scoring.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}));

        assertThat(rejected.getString("problems[0].file")).isEqualTo("decision-tables/fit-scoring.xlsx");
        assertThat(rejected.getString("problems[0].message")).startsWith("refused: not a");
    }

    @Test
    void tableThatBreaksAScenarioIsRejectedWithTheFailingRow() throws Exception {
        JsonPath rejected = rejectedAfter("decision-tables/engagement-scoring.xlsx",
                () -> disk.setCell("engagement-scoring.xlsx", "Engagement", "Engagement: CONTENT_DOWNLOAD", "Points", 12));

        List<Map<String, Object>> errors = rejected.getList("problems.findAll { it.severity == 'ERROR' }");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.get("file")).isEqualTo("decision-tables/qualification-scenarios.xlsx");
            assertThat(error.get("location")).isEqualTo("sheet Scenarios, row 5 \"Contract example: warm lead, nurtured\"");
            assertThat((String) error.get("message")).startsWith("expected total 60, got 62. Fired: ")
                    .contains("Engagement: CONTENT_DOWNLOAD");
        });
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'policy' }.data.lastRejectedVersion", equalTo(rejected.getString("version")));
    }

    @Test
    void lintErrorIsRejected() throws Exception {
        JsonPath rejected = rejectedAfter("decision-tables/stage-thresholds.xlsx",
                () -> disk.setCell("stage-thresholds.xlsx", "Temperature", "Temperature: warm", "Total at least", 45));

        assertThat(rejected.getList("problems.message", String.class))
                .contains("temperature bands leave totals 40 to 44 without a temperature");
    }

    @Test
    void aSavedRosterServesOnceChecked() throws Exception {
        String oldVersion = activeVersion();

        disk.setCell("sales-roster.xlsx", "Roster", "nathan.roux", "Active", "yes");
        String newVersion = awaitActiveVersionOtherThan(oldVersion);

        CompiledPolicy serving = active.require().policy();
        assertThat(serving.version()).isEqualTo(newVersion);
        assertThat(serving.roster().activeMembers("SDR")).extracting(RosterMember::member).contains("nathan.roux");
    }

    @Test
    void aSavedCalendarWithOverlappingHoursIsRejectedWithItsRow() throws Exception {
        JsonPath rejected = rejectedAfter("decision-tables/business-calendars.xlsx",
                () -> disk.setCell("business-calendars.xlsx", "Calendars", "Paris", "Wednesday", "09:00-13:00, 12:00-18:00"));

        assertThat(rejected.getString("problems[0].file")).isEqualTo("decision-tables/business-calendars.xlsx");
        assertThat(rejected.getString("problems[0].location")).isEqualTo("sheet Calendars, row 4");
        assertThat(rejected.getString("problems[0].message")).isEqualTo("Wednesday: 09:00-13:00 and 12:00-18:00 overlap");
    }

    /**
     * Saves a change to one file and waits for its candidate: it must be rejected by the file watch, and the
     * version serving before must still serve, in the API, in health and in new decisions. The file is put back.
     */
    private JsonPath rejectedAfter(String path, Runnable change) throws Exception {
        String oldVersion = activeVersion();
        byte[] original = disk.bytes(path);
        long lastId = latestCandidateId();
        change.run();
        try {
            JsonPath rejected = awaitCandidateAfter(lastId);
            assertThat(rejected.getString("status")).isEqualTo("REJECTED");
            assertThat(rejected.getString("origin")).isEqualTo("FILE_WATCH");
            assertThat(activeVersion()).isEqualTo(oldVersion);
            assertThat(qualify(CLICKER).getString("policy.version")).isEqualTo(oldVersion);
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'policy' }.data.version", equalTo(oldVersion));
            return rejected;
        } finally {
            disk.write(path, original);
        }
    }

    private static JsonPath qualify(String body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/qualify")
                .then().statusCode(200).extract().jsonPath();
    }

    static String activeVersion() {
        return given().when().get("/api/v1/policy").then().statusCode(200).extract().path("version");
    }

    static JsonPath candidates() {
        return given().when().get("/api/v1/policy/candidates").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath latestCandidate() {
        return new JsonPath(given().when().get("/api/v1/policy/candidates?limit=1").then().statusCode(200).extract().asString())
                .setRootPath("[0]");
    }

    private static long latestCandidateId() {
        List<Integer> ids = candidates().getList("id", Integer.class);
        return ids.isEmpty() ? 0 : ids.get(0);
    }

    private static JsonPath awaitCandidateAfter(long lastId) {
        await("a new policy candidate").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(HotReloadTest::latestCandidateId, id -> id > lastId);
        return latestCandidate();
    }

    static String awaitActiveVersionOtherThan(String version) {
        return await("policy " + version + " replaced").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(HotReloadTest::activeVersion, active -> !active.equals(version));
    }
}
