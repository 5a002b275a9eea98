package io.leadqualifier.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.audit.search.DecisionExport;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Auditors take a search result away as CSV for a spreadsheet, or as JSON lines for a script. */
@QuarkusTest
@TestProfile(AuditProfile.class)
class DecisionExportTest {
    private static final String HOSTILE = "{\"leadId\":\"@export-lead\",\"asOf\":\"2026-11-20T10:00:00Z\","
            + "\"contact\":{\"email\":\"x@acme.fr\",\"firstName\":\"\\tTab\",\"lastName\":\"Comma, \\\"Quoted\\\"\",\"jobTitle\":\"+33 1 23\"},"
            + "\"company\":{\"name\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\"},"
            + "\"activities\":[{\"type\":\"UNSUBSCRIBE\",\"at\":\"2026-11-19T10:00:00Z\"}]}";

    @BeforeEach
    void actAsAuditor() {
        TestCredentials.actAs(Roles.AUDITOR);
    }

    private static String qualify(String body) {
        return TestCredentials.as(Roles.CRM).contentType("application/json")
                .body(body).post("/api/v1/qualify").then().statusCode(200).extract().path("decisionId");
    }

    @Test
    void csvNeutralisesFormulasAndQuotesSeparators() {
        String id = qualify(HOSTILE);
        String csv = given().queryParam("leadId", "@export-lead").get("/api/v1/decisions/export").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"decisions-"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", DecisionExport.COLUMNS));
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(id + ",'@export-lead,2026-11-20T10:00:00Z,")
                .contains(",LEAD,COLD,NURTURE,0,-20,0,")
                .endsWith(",x@acme.fr,'\tTab,\"Comma, \"\"Quoted\"\"\",'+33 1 23,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
    }

    @Test
    void jsonLinesCarryTheExactValuesOneDecisionPerLine() throws Exception {
        String lead = "export-jsonl";
        for (int i = 0; i < 3; i++) {
            qualify("{\"leadId\":\"" + lead + "\",\"asOf\":\"2026-11-0" + (i + 1) + "T10:00:00Z\",\"contact\":{\"email\":\"j@acme.fr\"}}");
        }
        String jsonl = given().queryParam("format", "jsonl").queryParam("leadId", lead).get("/api/v1/decisions/export").then()
                .statusCode(200).contentType(containsString("application/jsonl")).extract().asString();
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper mapper = new ObjectMapper();
        Map<?, ?> newest = mapper.readValue(lines.get(0), Map.class);
        assertThat(newest.get("leadId")).isEqualTo(lead);
        assertThat(newest.get("asOf")).isEqualTo("2026-11-03T10:00:00Z");
        assertThat(newest.get("firedRules")).asList().contains("Stage: lead");

        String hostile = qualify(HOSTILE.replace("@export-lead", "@export-jsonl"));
        Map<?, ?> exact = mapper.readValue(given().queryParam("format", "jsonl").queryParam("leadId", "@export-jsonl")
                .get("/api/v1/decisions/export").then().extract().asString().strip(), Map.class);
        assertThat(exact.get("decisionId")).isEqualTo(hostile);
        assertThat(exact.get("company")).isEqualTo("=HYPERLINK(\"http://evil.example\",\"click\")");
    }

    @Test
    void exportTakesTheSearchFiltersAndChecksThem() {
        String lead = "export-filter";
        qualify("{\"leadId\":\"" + lead + "\",\"asOf\":\"2026-11-01T10:00:00Z\",\"contact\":{\"email\":\"j@acme.fr\"}}");
        qualify("{\"leadId\":\"" + lead + "\",\"asOf\":\"2026-11-01T10:00:00Z\",\"contact\":{\"email\":\"j@acme.fr\",\"seniority\":\"STUDENT\"}}");
        String csv = given().queryParam("leadId", lead).queryParam("stage", "DISQUALIFIED").get("/api/v1/decisions/export").then()
                .statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains(",DISQUALIFIED,");
        given().queryParam("format", "xlsx").get("/api/v1/decisions/export").then().statusCode(400)
                .body("errors[0].field", equalTo("format")).body("errors[0].message", equalTo("must be one of [CSV, JSONL]"));
        given().queryParam("stage", "WARM").get("/api/v1/decisions/export").then().statusCode(400);
        TestCredentials.actAs(Roles.CRM);
        given().get("/api/v1/decisions/export").then().statusCode(403);
    }
}
