package io.leadqualifier.qualification.batch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;

/** POST /api/v1/qualify/batch, as a CRM integrator uses it. */
@QuarkusTest
class BatchResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void actAsCrm() {
        TestCredentials.actAs(Roles.CRM);
    }

    private String lead(String id, String email) {
        return "{\"leadId\":\"" + run + "-" + id + "\",\"asOf\":\"2026-11-22T10:00:00Z\",\"contact\":{\"email\":\"" + email
                + "\",\"seniority\":\"DIRECTOR\"},\"company\":{\"industry\":\"SOFTWARE\",\"employees\":250,\"country\":\"FR\"},"
                + "\"activities\":[{\"type\":\"DEMO_REQUEST\",\"at\":\"2026-11-20T09:00:00Z\"}]}";
    }

    private static String keyed(String line, String key) {
        return line.substring(0, line.length() - 1) + ",\"idempotencyKey\":\"" + key + "\"}";
    }

    static List<JsonNode> answers(String ndjson) {
        return ndjson.lines().map(BatchResourceTest::readTree).toList();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private List<JsonNode> post(String body, String query) {
        return answers(given().contentType(BatchResource.NDJSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/qualify/batch" + query)
                .then().statusCode(200).contentType(BatchResource.NDJSON).extract().asString());
    }

    private static String decisionStage(String decisionId) {
        return TestCredentials.as(Roles.AUDITOR).when().get("/api/v1/decisions/" + decisionId)
                .then().statusCode(200).extract().path("stage");
    }

    @Test
    void badLinesGetTheirOwnProblemAndEveryGoodLineIsAnsweredAndRecorded() {
        String first = keyed(lead("1", "claire@acme.fr"), run + "-k1");
        List<JsonNode> answers = post(String.join("\n",
                first,
                "{\"leadId\":\"" + run + "-2\",\"contact\":{\"email\":",
                lead("3", "not-an-email"),
                lead("4", "dan@acme.fr"),
                first,
                keyed(lead("6", "eve@acme.fr"), run + "-k1"),
                lead("7", "fay@acme.fr")) + "\n", "?progressEvery=0");

        assertThat(answers).hasSize(8);
        assertThat(answers.subList(0, 7)).extracting(answer -> answer.get("line").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        for (int good : new int[] {0, 3, 6}) {
            JsonNode decision = answers.get(good).get("decision");
            assertThat(decision).as(answers.get(good).toString()).isNotNull();
            assertThat(decision.get("stage").asText()).isEqualTo("MQL");
            assertThat(decisionStage(decision.get("decisionId").asText())).as("recorded").isEqualTo("MQL");
        }
        assertThat(answers.get(1).at("/problem/type").asText()).isEqualTo("urn:lead-qualifier:problem:malformed-json");
        assertThat(answers.get(2).at("/problem/errors/0/field").asText()).isEqualTo("contact.email");
        assertThat(answers.get(4).path("replayed").asBoolean()).as("the same key and body: the first decision again " + answers.get(4)).isTrue();
        assertThat(answers.get(0).has("replayed")).as("the first line with the key records").isFalse();
        assertThat(answers.get(4).at("/decision/decisionId")).isEqualTo(answers.get(0).at("/decision/decisionId"));
        assertThat(answers.get(5).at("/problem/status").asInt()).as("the same key, another body").isEqualTo(422);
        assertThat(answers.get(5).at("/problem/type").asText()).isEqualTo("urn:lead-qualifier:problem:idempotency-conflict");
        JsonNode summary = answers.get(7).get("summary");
        assertThat(summary.get("lines").asLong()).isEqualTo(7);
        assertThat(summary.get("decisions").asLong()).isEqualTo(4);
        assertThat(summary.get("replayed").asLong()).isEqualTo(1);
        assertThat(summary.get("problems").asLong()).isEqualTo(3);
        assertThat(summary.get("recorded").asBoolean()).isTrue();
        assertThat(summary.get("complete").asBoolean()).isTrue();
        TestCredentials.as(Roles.AUDITOR).when().get("/api/v1/decisions?leadId=" + run + "-6")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aDryRunAnswersUnderTheActivePolicyAndRecordsNothing() {
        List<JsonNode> answers = post(lead("dry", "claire@acme.fr") + "\n", "?record=false");
        JsonNode decision = answers.get(0).get("decision");
        assertThat(decision.get("stage").asText()).isEqualTo("MQL");
        assertThat(decision.get("decisionId").isNull()).isTrue();
        assertThat(decision.at("/policy/version").asText()).isEqualTo(given().auth().preemptive()
                .basic(Roles.REVOPS, TestCredentials.secret(Roles.REVOPS)).get("/api/v1/policy").then().extract().path("version"));
        assertThat(answers.get(1).at("/summary/recorded").asBoolean()).isFalse();
        TestCredentials.as(Roles.AUDITOR).when().get("/api/v1/decisions?leadId=" + run + "-dry")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void answersKeepTheOrderOfTheLinesAndReportProgress() {
        String body = IntStream.rangeClosed(1, 300).mapToObj(i -> lead("o" + i, "p" + i + "@acme.fr")).collect(Collectors.joining("\n"));
        List<JsonNode> answers = post(body, "?record=false&progressEvery=100");
        List<JsonNode> lines = answers.stream().filter(answer -> answer.has("line")).toList();
        assertThat(lines).extracting(answer -> answer.at("/decision/leadId").asText())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 300).mapToObj(i -> run + "-o" + i).toList());
        assertThat(answers.stream().filter(answer -> answer.has("progress")).map(answer -> answer.at("/progress/lines").asLong()))
                .containsExactly(100L, 200L, 300L);
        assertThat(answers.get(answers.size() - 1).at("/summary/lines").asLong()).isEqualTo(300);
    }

    @Test
    void aJsonArrayIsABatchToo() {
        List<JsonNode> answers = answers(given().contentType("application/json")
                .body("[" + lead("a1", "a@acme.fr") + "," + lead("a2", "b@acme.fr") + "]")
                .when().post("/api/v1/qualify/batch?record=false")
                .then().statusCode(200).extract().asString());
        assertThat(answers).hasSize(3);
        assertThat(answers.get(1).at("/decision/leadId").asText()).isEqualTo(run + "-a2");
    }

    @Test
    void aCsvIsReadWithAnUploadedMappingItsTranslationsAndDefaults() {
        String csv = CSV_HEADER + "\n" + run + "-1,2026-03-02,claire@acme.fr,Head of,250,,yes,2,won\n"
                + run + "-2,2026-03-02,,Intern,5,Deutschland,no,0,lost\n"
                + run + "-3,2026-03-02,not-an-email,,5,,no,0,lost\n";
        List<JsonNode> answers = answers(given().multiPart("file", "fair.csv", csv.getBytes(), "text/csv")
                .multiPart("mapping", MAPPING)
                .when().post("/api/v1/qualify/batch")
                .then().statusCode(200).contentType(BatchResource.NDJSON).extract().asString());
        JsonNode claire = answers.get(0).get("decision");
        assertThat(claire.get("leadId").asText()).isEqualTo("fair-" + run + "-1");
        assertThat(claire.get("stage").asText()).as("director (Head of), 250 staff, a demo request").isEqualTo("MQL");
        JsonNode input = readTree(TestCredentials.as(Roles.AUDITOR).when().get("/api/v1/decisions/" + claire.get("decisionId").asText())
                .then().statusCode(200).extract().asString()).get("input");
        assertThat(input.at("/contact/seniority").asText()).isEqualTo("DIRECTOR");
        assertThat(input.at("/company/country").asText()).as("the mapping's default").isEqualTo("FR");
        assertThat(input.at("/activities/0/type").asText()).isEqualTo("DEMO_REQUEST");
        assertThat(answers.get(1).at("/decision/stage").asText()).as("Intern translates to STUDENT, a knock-out").isEqualTo("DISQUALIFIED");
        assertThat(answers.get(2).get("line").asLong()).isEqualTo(4);
        assertThat(answers.get(2).at("/problem/errors/0/message").asText()).contains("column 'Email'");
    }

    @Test
    void aCsvIsReadWithABuiltInMappingByName() {
        String csv = "Prospect ID,Lead Origin,Lead Source,Do Not Email,Do Not Call,Converted,TotalVisits,Last Activity,"
                + "What is your current occupation,Country,A free copy of Mastering The Interview\n"
                + run + "-x1,Landing Page Submission,Google,No,No,1,5,Form Submitted on Website,Working Professional,India,Yes\n"
                + run + "-x2,API,Olark Chat,No,No,0,0,Email Opened,Student,,No\n";
        List<JsonNode> answers = answers(given().contentType("text/csv").body(csv)
                .when().post("/api/v1/qualify/batch?mapping=x-education&record=false")
                .then().statusCode(200).extract().asString());
        assertThat(answers.get(0).at("/decision/leadId").asText()).isEqualTo("xedu-" + run + "-x1");
        assertThat(answers.get(0).at("/decision/score/engagement").asInt()).as("5 visits, a form, a download").isPositive();
        assertThat(answers.get(1).at("/decision/stage").asText()).isEqualTo("DISQUALIFIED");
    }

    @Test
    void aCsvWithoutAMappingIsRefusedBeforeAnyLine() {
        given().contentType("text/csv").body("a,b\n1,2\n").when().post("/api/v1/qualify/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:lead-qualifier:problem:invalid-lead-file"));
        given().contentType("text/csv").body("a,b\n1,2\n").when().post("/api/v1/qualify/batch?mapping=x-education")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("Prospect ID"));
    }

    @Test
    void onlyTheRolesThatQualifyMayBatch() {
        TestCredentials.as(Roles.AUDITOR).contentType(BatchResource.NDJSON).body(lead("r", "r@acme.fr").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/qualify/batch").then().statusCode(403);
        given().auth().none().contentType(BatchResource.NDJSON).body(lead("r", "r@acme.fr").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/qualify/batch").then().statusCode(401);
    }

    static final String CSV_HEADER = "Badge,Scanned,Email,Role,Staff,Land,Asked demo,Visits,Outcome";
    static final String MAPPING = """
            name: trade-fair
            leadId: { column: Badge, prefix: "fair-" }
            asOf: { column: Scanned, zone: Europe/Paris }
            label: { column: Outcome, converted: [won] }
            defaults:
              contact.email: visitor@fair.invalid
              company.country: FR
              company.industry: SOFTWARE
            columns:
              Email: { field: contact.email }
              Role: { field: contact.seniority, values: { CEO: C_LEVEL, Head of: DIRECTOR, Intern: STUDENT }, otherwise: null }
              Staff: { field: company.employees }
              Land: { field: company.country, values: { Deutschland: DE } }
              Asked demo: { activity: type, values: { "yes": DEMO_REQUEST, "no": null } }
              Visits: { activity: count, type: WEBSITE_VISIT, max: 3 }
            """;
}
