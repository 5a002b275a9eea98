package io.leadqualifier.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadqualifier.handoff.roster.RosterMember;
import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.policy.source.PolicyVersions;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** /api/v1/policy: what RevOps and their tools do with the policy through the API. */
@QuarkusTest
@TestProfile(PolicyApiProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class PolicyApiTest {

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String ROSTER = "decision-tables/sales-roster.xlsx";

    @Inject
    ActivePolicy active;
    private static String original;
    private static String uploaded;
    private static byte[] uploadedTable;

    private static byte[] engagementWithClickPoints(int points) {
        return PolicyWorkspace.copyOfDefault()
                .setCell("engagement-scoring.xlsx", "Engagement", "Engagement: EMAIL_CLICK", "Points", points)
                .bytes("decision-tables/engagement-scoring.xlsx");
    }

    @Test
    @Order(1)
    void activePolicyListsItsFiles() {
        original = given().when().get("/api/v1/policy")
                .then().statusCode(200)
                .body("files.path", hasItem("decision-tables/engagement-scoring.xlsx"))
                .body("files.path", hasItem("decision-tables/routing.xlsx"))
                .body("rules", equalTo(58))
                .extract().path("version");
    }

    @Test
    @Order(2)
    void validateChecksWithoutActivating() {
        given().multiPart("file", "engagement-scoring.xlsx", engagementWithClickPoints(9), XLSX)
                .when().post("/api/v1/policy/validate")
                .then().statusCode(200).body("status", equalTo("VALID")).body("origin", equalTo("VALIDATION"));
        given().multiPart("file", "rules/broken.drl", "rule \"x\" when then".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/api/v1/policy/validate")
                .then().statusCode(200).body("status", equalTo("INVALID"))
                .body("problems.file", hasItem("rules/broken.drl"));

        given().when().get("/api/v1/policy").then().body("version", equalTo(original));
    }

    @Test
    @Order(3)
    void uploadActivatesAndWritesTheFileIntoTheFolder() {
        byte[] table = engagementWithClickPoints(9);
        uploadedTable = table;
        uploaded = given().multiPart("file", "engagement-scoring.xlsx", table, XLSX)
                .when().post("/api/v1/policy/files")
                .then().statusCode(200).body("status", equalTo("ACTIVATED")).body("origin", equalTo("API_UPLOAD"))
                .extract().path("version");

        given().when().get("/api/v1/policy").then().body("version", equalTo(uploaded));
        assertThat(PolicyWorkspace.at(PolicyApiProfile.DIRECTORY).bytes("decision-tables/engagement-scoring.xlsx")).isEqualTo(table);
        given().contentType("application/json").body("""
                { "leadId": "x", "asOf": "2026-11-22T10:00:00Z", "contact": { "email": "a@acme.fr" },
                  "activities": [ { "type": "EMAIL_CLICK", "at": "2026-11-21T09:00:00Z" } ] }""")
                .when().post("/api/v1/qualify")
                .then().statusCode(200).body("score.engagement", equalTo(9)).body("policy.version", equalTo(uploaded));
    }

    @Test
    @Order(4)
    void rejectedUploadIsA422WithItsReportAndChangesNothing() {
        byte[] before = PolicyWorkspace.at(PolicyApiProfile.DIRECTORY).bytes("rules/assessment.drl");
        given().multiPart("file", "assessment.drl", "package leadqualifier.policy;\nrule \"Broken\" when Lead( then end".getBytes(), "text/plain")
                .when().post("/api/v1/policy/files")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lead-qualifier:problem:policy-rejected"))
                .body("problems.file", hasItem("rules/assessment.drl"));

        given().when().get("/api/v1/policy").then().body("version", equalTo(uploaded));
        assertThat(PolicyWorkspace.at(PolicyApiProfile.DIRECTORY).bytes("rules/assessment.drl")).isEqualTo(before);
        given().when().get("/api/v1/policy/candidates?limit=1").then().body("[0].status", equalTo("REJECTED"))
                .body("[0].origin", equalTo("API_UPLOAD"));
    }

    @Test
    @Order(5)
    void uploadNamesAndContentsAreChecked() {
        for (String name : List.of("../../etc/evil.drl", "rules/../x.drl", "decision-tables/x.drl", "notes.txt", "sub/dir/x.xlsx")) {
            given().multiPart("file", name, "x".getBytes(), "text/plain")
                    .when().post("/api/v1/policy/files")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", startsWith("'" + name + "' is not a policy file name"));
        }
        given().multiPart("file", "empty.drl", new byte[0], "text/plain")
                .when().post("/api/v1/policy/files")
                .then().statusCode(400).body("detail", equalTo("'empty.drl' is empty"));
        given().contentType("multipart/form-data").multiPart("note", "no file")
                .when().post("/api/v1/policy/files")
                .then().statusCode(400);
    }

    @Test
    @Order(6)
    void diffBetweenVersionsReadsInBusinessTerms() {
        given().when().get("/api/v1/policy/diff?from=" + original + "&to=" + uploaded)
                .then().statusCode(200)
                .body("changes.summary", equalTo(List.of("engagement-scoring.xlsx, Engagement: EMAIL_CLICK, Points: 8 → 9")))
                .body("changes[0].kind", equalTo("CELL_CHANGED"))
                .body("changes[0].from", equalTo("8")).body("changes[0].to", equalTo("9"));
        given().when().get("/api/v1/policy/diff?from=000000000000").then().statusCode(404);
        given().when().get("/api/v1/policy/diff").then().statusCode(400);
    }

    @Test
    @Order(7)
    void rollbackActivatesAnEarlierVersionAndRestoresItsFiles() {
        given().when().post("/api/v1/policy/versions/" + original + "/activate")
                .then().statusCode(200).body("status", equalTo("ACTIVATED")).body("origin", equalTo("ROLLBACK"))
                .body("version", equalTo(original));

        given().when().get("/api/v1/policy").then().body("version", equalTo(original));
        assertThat(PolicyVersions.contentHash(PolicyWorkspace.at(PolicyApiProfile.DIRECTORY).directory().read()))
                .startsWith(original);
        given().when().post("/api/v1/policy/versions/000000000000/activate").then().statusCode(404);
    }

    @Test
    @Order(8)
    void versionsKeepTheirFilesAndHistory() {
        given().when().get("/api/v1/policy/versions")
                .then().statusCode(200)
                .body("find { it.version == '" + original + "' }.active", equalTo(true))
                .body("find { it.version == '" + uploaded + "' }.active", equalTo(false));
        given().when().get("/api/v1/policy/versions/" + original)
                .then().statusCode(200)
                .body("activations.size()", equalTo(2))
                .body("candidates.origin", hasItem("ROLLBACK"))
                .body("candidates.origin", hasItem("STARTUP"));
        byte[] download = given().when().get("/api/v1/policy/versions/" + uploaded + "/files/decision-tables/engagement-scoring.xlsx")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        assertThat(download).isEqualTo(uploadedTable);
        given().when().get("/api/v1/policy/versions/" + uploaded + "/files/rules/nope.drl").then().statusCode(404);
        given().when().get("/api/v1/policy/versions/000000000000").then().statusCode(404);
    }

    @Test
    @Order(9)
    void anUploadedRosterWithAMemberListedTwiceIsRefusedWithTheRow() {
        String serving = given().when().get("/api/v1/policy").then().extract().path("version");
        byte[] before = PolicyWorkspace.at(PolicyApiProfile.DIRECTORY).bytes(ROSTER);
        byte[] broken = PolicyWorkspace.copyOfDefault()
                .setCell("sales-roster.xlsx", "Roster", "hugo.bernard", "Member", "camille.durand").bytes(ROSTER);

        given().multiPart("file", "sales-roster.xlsx", broken, XLSX)
                .when().post("/api/v1/policy/validate")
                .then().statusCode(200).body("status", equalTo("INVALID"));
        given().multiPart("file", "sales-roster.xlsx", broken, XLSX)
                .when().post("/api/v1/policy/files")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lead-qualifier:problem:policy-rejected"))
                .body("problems.findAll { it.severity == 'ERROR' }.size()", equalTo(1))
                .body("problems[0].file", equalTo(ROSTER))
                .body("problems[0].location", equalTo("sheet Roster, row 5"))
                .body("problems[0].message", equalTo("camille.durand is listed twice in queue SDR (also row 4)"));

        given().when().get("/api/v1/policy").then().body("version", equalTo(serving));
        assertThat(PolicyWorkspace.at(PolicyApiProfile.DIRECTORY).bytes(ROSTER)).isEqualTo(before);
    }

    @Test
    @Order(10)
    void aRosterLeavingAnSlaQueueWithoutActiveMemberFailsLint() {
        byte[] nobodyInAe = PolicyWorkspace.copyOfDefault()
                .setCell("sales-roster.xlsx", "Roster", "sophie.martin", "Active", "no")
                .setCell("sales-roster.xlsx", "Roster", "thomas.leroy", "Active", "no").bytes(ROSTER);

        given().multiPart("file", "sales-roster.xlsx", nobodyInAe, XLSX)
                .when().post("/api/v1/policy/validate")
                .then().statusCode(200).body("status", equalTo("INVALID"))
                .body("problems.find { it.severity == 'ERROR' }.file", equalTo("decision-tables/handoff-sla.xlsx"))
                .body("problems.find { it.severity == 'ERROR' }.message", startsWith("queue AE has no active member in the roster"));
    }

    @Test
    @Order(11)
    void anUploadedRosterServesWithTheActivePolicy() {
        byte[] heavier = PolicyWorkspace.copyOfDefault().setCell("sales-roster.xlsx", "Roster", "lea.petit", "Weight", 4).bytes(ROSTER);

        String version = given().multiPart("file", "sales-roster.xlsx", heavier, XLSX)
                .when().post("/api/v1/policy/files")
                .then().statusCode(200).body("status", equalTo("ACTIVATED")).extract().path("version");

        assertThat(active.require().policy().version()).isEqualTo(version);
        assertThat(active.require().policy().roster().members("SDR")).filteredOn(member -> member.member().equals("lea.petit"))
                .extracting(RosterMember::weight).containsExactly(4);
        given().when().get("/api/v1/policy/diff?from=" + original + "&to=" + version).then().statusCode(200)
                .body("changes.summary", hasItem("sales-roster.xlsx, SDR / lea.petit, Weight: 1 → 4"));
    }
}
