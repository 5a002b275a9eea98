package io.leadqualifier.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.audit.trail.ChainLink;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The trail is tamper-evident: every decision is chained to the one before, and verify names the first
 * decision whose row was edited behind the API's back. Each test puts the row back as it found it.
 */
@QuarkusTest
@TestProfile(AuditProfile.class)
class AuditChainTest {
    @Inject
    AgroalDataSource database;
    private TrailTables tables;

    @BeforeEach
    void actAsAuditor() {
        tables = new TrailTables(database);
        TestCredentials.actAs(Roles.AUDITOR);
    }

    private static String qualify(String leadId) {
        return TestCredentials.as(Roles.CRM).contentType("application/json")
                .body("{\"leadId\":\"" + leadId + "\",\"asOf\":\"2026-11-01T10:00:00Z\",\"contact\":{\"email\":\"ann.lee@acme.fr\","
                        + "\"firstName\":\"Ann\",\"seniority\":\"DIRECTOR\"},\"company\":{\"industry\":\"SOFTWARE\",\"employees\":250}}")
                .post("/api/v1/qualify").then().statusCode(200).extract().path("decisionId");
    }

    @Test
    void purgingWithoutARetentionPeriodIsAConflict() {
        TestCredentials.actAs(Roles.ADMIN);
        given().post("/api/v1/audit/purge").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("No retention period is configured (lead-qualifier.audit.retention.period): decisions are kept forever"));
        TestCredentials.actAs(Roles.AUDITOR);
        given().post("/api/v1/audit/purge").then().statusCode(403);
    }

    private long sequenceOf(String decisionId) {
        return ((Number) tables.value("select chain_seq from decision where id = '" + decisionId + "'")).longValue();
    }

    @Test
    void verifyPassesOverAnUntouchedTrail() {
        qualify("chain-a");
        qualify("chain-b");
        JsonPath verification = given().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(verification.getBoolean("valid")).isTrue();
        assertThat(verification.getLong("checked")).isGreaterThanOrEqualTo(2);
        assertThat(verification.getString("anchor")).isEqualTo("genesis");
        assertThat(verification.getString("headHash")).hasSize(64);
        assertThat(verification.getString("firstBreak")).isNull();
    }

    @Test
    void verifyFailsAtTheRowWhoseStageWasEditedInTheDatabase() {
        qualify("chain-before");
        String tampered = qualify("chain-tampered");
        qualify("chain-after");
        long sequence = sequenceOf(tampered);
        String stage = (String) tables.value("select stage from decision where id = '" + tampered + "'");
        try {
            tables.execute("update decision set stage = 'OPPORTUNITY' where id = '" + tampered + "'");
            given().get("/api/v1/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBreak.sequence", equalTo((int) sequence))
                    .body("firstBreak.decisionId", equalTo(tampered))
                    .body("firstBreak.problem",
                            equalTo("its recorded content no longer matches its hash: a column was edited, or the row was moved in the chain"));
        } finally {
            tables.execute("update decision set stage = '" + stage + "' where id = '" + tampered + "'");
        }
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void verifyFailsWhenTheRecordedBodyOrPersonalDataIsEdited() {
        String tampered = qualify("chain-body");
        byte[] body = (byte[]) tables.value("select body from decision where id = '" + tampered + "'");
        byte[] edited = body.clone();
        edited[edited.length / 2] ^= 1;
        try {
            tables.setBody(tampered, edited);
            given().get("/api/v1/audit/verify").then().body("valid", equalTo(false))
                    .body("firstBreak.decisionId", equalTo(tampered));
        } finally {
            tables.setBody(tampered, body);
        }
        String personal = (String) tables.value("select personal_json from decision_personal_data where decision_id = '" + tampered + "'");
        try {
            tables.execute("update decision_personal_data set personal_json = '" + personal.replace("Ann", "Bob") + "' where decision_id = '"
                    + tampered + "'");
            given().get("/api/v1/audit/verify").then().body("valid", equalTo(false))
                    .body("firstBreak.decisionId", equalTo(tampered))
                    .body("firstBreak.problem", equalTo("its personal data no longer matches the digest recorded with it: the personal data was edited"));
        } finally {
            tables.execute("update decision_personal_data set personal_json = '" + personal + "' where decision_id = '" + tampered + "'");
        }
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void decisionsRecordedInTheFirstFormatStillReadBackAndVerifyBetweenCompactOnes() throws SQLException {
        String compact = qualify("chain-format-before");
        String version = (String) tables.value("select policy_version from decision where id = '" + compact + "'");
        String legacy = "00000000-0000-4000-8000-000000000001";
        String output = "{\"decisionId\":\"" + legacy + "\",\"leadId\":\"chain-format-old\",\"asOf\":\"2025-01-02T03:04:05Z\","
                + "\"evaluatedAt\":\"2025-01-02T03:04:06Z\",\"stage\":\"LEAD\",\"temperature\":\"COLD\",\"route\":\"NURTURE\","
                + "\"score\":{\"fit\":5,\"engagement\":0,\"total\":5},\"reasons\":[],\"firedRules\":[{\"sequence\":1,"
                + "\"name\":\"Stage: lead\",\"source\":\"decision-tables/stage-thresholds.xlsx\"}],"
                + "\"policy\":{\"version\":\"" + version + "\",\"activatedAt\":\"2025-01-01T00:00:00Z\"}}";
        String input = "{\"leadId\":\"chain-format-old\",\"asOf\":\"2025-01-02T03:04:05Z\",\"contact\":{\"email\":\"*@old.fr\"}}";
        java.time.Instant asOf = java.time.Instant.parse("2025-01-02T03:04:05Z");
        java.time.Instant evaluatedAt = java.time.Instant.parse("2025-01-02T03:04:06Z");
        // Appended the way the first format did: text columns, the previous hash stored with the row.
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            Object[] head = new TrailTables(database).row("select last_seq, last_hash from audit_chain_head where id = 1");
            long sequence = ((Number) head[0]).longValue() + 1;
            String previous = (String) head[1];
            String hash = ChainLink.hash(previous, new ChainLink.Row(sequence, legacy, "chain-format-old", asOf, evaluatedAt, "LEAD",
                    "COLD", "NURTURE", 5, 0, 5, version, "Stage: lead", input, output, null, null));
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into decision (id, lead_id, as_of, evaluated_at, stage, temperature, route, score_fit, score_engagement,
                        score_total, policy_version, fired_rules, input_json, output_json, chain_seq, prev_hash, chain_hash)
                    values (?, 'chain-format-old', ?, ?, 'LEAD', 'COLD', 'NURTURE', 5, 0, 5, ?, 'Stage: lead', ?, ?, ?, ?, ?)""");
                    PreparedStatement moveHead = connection.prepareStatement(
                            "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
                insert.setString(1, legacy);
                insert.setObject(2, java.time.OffsetDateTime.ofInstant(asOf, java.time.ZoneOffset.UTC));
                insert.setObject(3, java.time.OffsetDateTime.ofInstant(evaluatedAt, java.time.ZoneOffset.UTC));
                insert.setString(4, version);
                insert.setString(5, input);
                insert.setString(6, output);
                insert.setLong(7, sequence);
                insert.setString(8, previous);
                insert.setString(9, hash);
                insert.executeUpdate();
                moveHead.setLong(1, sequence);
                moveHead.setString(2, hash);
                moveHead.executeUpdate();
            }
            connection.commit();
        }
        qualify("chain-format-after");

        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        given().get("/api/v1/decisions/" + legacy).then().statusCode(200).body("stage", equalTo("LEAD"))
                .body("firedRules[0].name", equalTo("Stage: lead")).body("input.contact.email", equalTo("*@old.fr"));
        try {
            tables.execute("update decision set input_json = replace(input_json, 'old.fr', 'new.fr') where id = '" + legacy + "'");
            given().get("/api/v1/audit/verify").then().body("valid", equalTo(false)).body("firstBreak.decisionId", equalTo(legacy))
                    .body("firstBreak.problem", equalTo("its recorded content no longer matches its hash: a column was edited"));
        } finally {
            tables.execute("update decision set input_json = replace(input_json, 'new.fr', 'old.fr') where id = '" + legacy + "'");
        }
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void verifyFailsWhereARowWasRemovedAndWhenTheNewestWere() {
        qualify("chain-gap-1");
        String removed = qualify("chain-gap-2");
        String next = qualify("chain-gap-3");
        long sequence = sequenceOf(removed);
        Object[] saved = tables.row("select * from decision where id = '" + removed + "'");
        try {
            moveAside(removed);
            given().get("/api/v1/audit/verify").then().body("valid", equalTo(false))
                    .body("firstBreak.sequence", equalTo((int) sequence + 1))
                    .body("firstBreak.decisionId", equalTo(next))
                    .body("firstBreak.problem", equalTo("sequence " + sequence + " is missing: decisions were removed"));
        } finally {
            putBack(removed, saved);
        }
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true));

        String newest = qualify("chain-tail");
        long newestSequence = sequenceOf(newest);
        Object[] newestRow = tables.row("select * from decision where id = '" + newest + "'");
        try {
            moveAside(newest);
            given().get("/api/v1/audit/verify").then().body("valid", equalTo(false))
                    .body("firstBreak.problem", equalTo("the chain ends at sequence " + (newestSequence - 1) + " but the head says "
                            + newestSequence + ": later decisions were removed"));
        } finally {
            putBack(newest, newestRow);
        }
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void aRangeIsVerifiedFromTheDecisionBeforeIt() {
        long first = sequenceOf(qualify("chain-range-1"));
        long last = sequenceOf(qualify("chain-range-2"));
        given().queryParam("fromSequence", first).queryParam("toSequence", last).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("checked", equalTo(2)).body("firstSequence", equalTo((int) first))
                .body("anchor", equalTo(first == 1 ? "genesis" : "decision " + (first - 1)));
        given().queryParam("fromSequence", "x").get("/api/v1/audit/verify").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("fromSequence"))
                .body("errors[0].message", equalTo("must be a chain sequence number, 1 or more"));
        given().queryParam("fromSequence", 5).queryParam("toSequence", 2).get("/api/v1/audit/verify").then().statusCode(400);
    }

    @Test
    void theApiHasNoWayToChangeOrDeleteADecision() {
        String id = qualify("chain-append-only");
        TestCredentials.actAs(Roles.ADMIN);
        given().contentType("application/json").body("{}").put("/api/v1/decisions/" + id).then().statusCode(405);
        given().delete("/api/v1/decisions/" + id).then().statusCode(405);
        given().get("/api/v1/decisions/" + id).then().statusCode(200).body("input.contact.firstName", equalTo("Ann"));
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    /** Removes a decision row (and what references it) the way someone with database access would. */
    private void moveAside(String decisionId) {
        long sequence = sequenceOf(decisionId);
        tables.execute("create table moved_rules as select * from decision_rule_hit where decision_seq = " + sequence);
        tables.execute("create table moved_personal as select * from decision_personal_data where decision_id = '" + decisionId + "'");
        tables.execute("delete from decision_rule_hit where decision_seq = " + sequence);
        tables.execute("delete from decision_personal_data where decision_id = '" + decisionId + "'");
        tables.execute("delete from decision where id = '" + decisionId + "'");
    }

    private void putBack(String decisionId, Object[] saved) {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into decision values (" + "?, ".repeat(saved.length - 1) + "?)")) {
            for (int i = 0; i < saved.length; i++) {
                insert.setObject(i + 1, saved[i]);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        tables.execute("insert into decision_rule_hit select * from moved_rules");
        tables.execute("insert into decision_personal_data select * from moved_personal");
        tables.execute("drop table moved_rules");
        tables.execute("drop table moved_personal");
    }
}
