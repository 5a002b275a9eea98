package io.leadqualifier.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A person asks to be forgotten: after the erasure no table and no export holds their email, names or
 * free-text details, while every decision of the lead still replays identically and the chain verifies.
 */
@QuarkusTest
@TestProfile(AuditProfile.class)
class PersonalDataErasureTest {
    private static final String EMAIL_LOCAL = "margaux.dupont-erasure";
    private static final String FIRST = "Margauxerasure";
    private static final String LAST = "Dupontforgotten";
    private static final String DETAIL = "asked about pricing for Margaux's team";

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }

    private static String qualify(String leadId, String asOf, String idempotencyKey) {
        return qualify(leadId, asOf, idempotencyKey, EMAIL_LOCAL, FIRST, LAST, DETAIL);
    }

    private static String qualify(String leadId, String asOf, String idempotencyKey, String emailLocal, String firstName,
            String lastName, String detail) {
        var request = TestCredentials.as(Roles.CRM).contentType("application/json");
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body("{\"leadId\":\"" + leadId + "\",\"asOf\":\"" + asOf + "\",\"contact\":{\"email\":\"" + emailLocal
                        + "@acme.fr\",\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\",\"jobTitle\":\"CTO\","
                        + "\"seniority\":\"C_LEVEL\"},\"company\":{\"name\":\"Acme\",\"industry\":\"SOFTWARE\",\"employees\":250,"
                        + "\"country\":\"FR\"},\"activities\":[{\"type\":\"DEMO_REQUEST\",\"at\":\"2026-11-01T09:00:00Z\",\"detail\":\""
                        + detail + "\"}]}")
                .post("/api/v1/qualify").then().statusCode(200).extract().path("decisionId");
    }

    @Test
    void erasureRemovesEveryTraceOfThePersonWhileReplayAndVerifyStillPass() throws SQLException {
        String first = qualify("erase-me", "2026-11-02T10:00:00Z", "erase-key-1");
        String second = qualify("erase-me", "2026-11-03T10:00:00Z", null);
        String other = qualify("keep-me", "2026-11-03T10:00:00Z", null, "jean.martin", "Jean", "Martin", "call me");
        given().get("/api/v1/decisions/" + first).then().body("input.contact.email", equalTo(EMAIL_LOCAL + "@acme.fr"))
                .body("input.contact.firstName", equalTo(FIRST)).body("input.activities[0].detail", equalTo(DETAIL));
        assertThat(tablesContaining(EMAIL_LOCAL)).isNotEmpty();

        given().delete("/api/v1/leads/erase-me/personal-data").then().statusCode(200)
                .body("leadId", equalTo("erase-me")).body("decisions", equalTo(2)).body("erasedBy", equalTo("admin"));

        for (String needle : List.of(EMAIL_LOCAL, FIRST, LAST, "Margaux's team")) {
            assertThat(tablesContaining(needle)).as("tables holding %s", needle).isEmpty();
        }
        assertThat(personalRows("erase-me")).isZero();
        assertThat(personalRows("keep-me")).isEqualTo(1);
        for (String format : List.of("csv", "jsonl")) {
            String export = given().queryParam("format", format).get("/api/v1/decisions/export").then().statusCode(200).extract().asString();
            assertThat(export).contains(first).contains(second).contains("*@acme.fr").contains("jean.martin@acme.fr")
                    .doesNotContain(EMAIL_LOCAL).doesNotContain(FIRST).doesNotContain(LAST).doesNotContain("Margaux's team");
        }
        given().get("/api/v1/decisions/" + first).then().statusCode(200)
                .body("input.contact.email", equalTo("*@acme.fr")).body("input.contact.firstName", nullValue())
                .body("input.contact.lastName", nullValue()).body("input.activities[0].detail", nullValue())
                .body("input.contact.jobTitle", equalTo("CTO")).body("stage", equalTo("MQL"));
        for (String id : List.of(first, second, other)) {
            given().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200).body("identical", equalTo(true));
        }
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        given().get("/api/v1/audit/erasures").then().statusCode(200)
                .body("find { it.leadId == 'erase-me' }.decisions", equalTo(2));
        // a retry under the first key after the erasure gets its decision back, not a conflict
        assertThat(qualify("erase-me", "2026-11-02T10:00:00Z", "erase-key-1")).isEqualTo(first);
    }

    @Test
    void onlyAnAdminErasesAndTheLeadIdIsChecked() {
        TestCredentials.actAs(Roles.AUDITOR);
        given().delete("/api/v1/leads/someone/personal-data").then().statusCode(403);
        TestCredentials.actAs(Roles.REVOPS);
        given().delete("/api/v1/leads/someone/personal-data").then().statusCode(403);
        TestCredentials.actAs(Roles.ADMIN);
        given().delete("/api/v1/leads/a b/personal-data").then().statusCode(400).contentType("application/problem+json");
        given().delete("/api/v1/leads/nobody-here/personal-data").then().statusCode(200).body("decisions", equalTo(0));
    }

    private long personalRows(String leadId) {
        return new TrailTables(database).count("select count(*) from decision_personal_data p join decision d on d.id = p.decision_id where d.lead_id = '"
                + leadId + "'");
    }

    /** Every table with a text column holding {@code needle}, found through the JDBC metadata (H2 or PostgreSQL). */
    private List<String> tablesContaining(String needle) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet meta = connection.getMetaData().getColumns(null, connection.getSchema(), "%", "%")) {
                while (meta.next()) {
                    int type = meta.getInt("DATA_TYPE");
                    if (type == Types.VARCHAR || type == Types.CLOB || type == Types.LONGVARCHAR || type == Types.NVARCHAR
                            || type == Types.CHAR) {
                        columns.add(new String[] {meta.getString("TABLE_NAME"), meta.getString("COLUMN_NAME")});
                    }
                }
            }
            assertThat(columns).as("text columns found").hasSizeGreaterThan(10);
            for (String[] column : columns) {
                String sql = "select count(*) from \"" + column[0] + "\" where \"" + column[1] + "\" like ?";
                try (var statement = connection.prepareStatement(sql)) {
                    statement.setString(1, "%" + needle + "%");
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.add(column[0].toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
        }
        return found;
    }
}
