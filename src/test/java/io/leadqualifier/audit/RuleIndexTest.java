package io.leadqualifier.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * "Decisions where rule X fired" is indexed behind the trail, not with each decision: a search still finds every
 * decision already answered, and what a stopped process left unindexed is indexed from the decisions themselves.
 */
@QuarkusTest
@TestProfile(AuditProfile.class)
class RuleIndexTest {
    private static final String QUOTE_RULE = "Engagement: QUOTE_REQUEST";

    @Inject
    AgroalDataSource database;
    private TrailTables tables;

    @BeforeEach
    void actAsAuditor() {
        tables = new TrailTables(database);
        TestCredentials.actAs(Roles.AUDITOR);
    }

    private static String quote(String leadId, String asOf) {
        return TestCredentials.as(Roles.CRM).contentType("application/json")
                .body("{\"leadId\":\"" + leadId + "\",\"asOf\":\"" + asOf + "\",\"contact\":{\"email\":\"q@acme.fr\",\"seniority\":\"DIRECTOR\"},"
                        + "\"activities\":[{\"type\":\"QUOTE_REQUEST\",\"at\":\"2026-11-04T10:00:00Z\"}]}")
                .post("/api/v1/qualify").then().statusCode(200).extract().path("decisionId");
    }

    private static List<String> foundByRule(String leadId) {
        return given().queryParam("rule", QUOTE_RULE).queryParam("leadId", leadId).get("/api/v1/decisions").then().statusCode(200)
                .extract().jsonPath().getList("items.decisionId");
    }

    @Test
    void aDecisionIsFoundByItsRuleTheMomentItIsAnswered() {
        String lead = "index-now-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 10; i++) {
            String decision = quote(lead, "2026-11-05T10:00:0" + i + "Z");
            // The rule's own index, newest first, without the lead filter that would read the decisions instead.
            List<String> newest = given().queryParam("rule", QUOTE_RULE).queryParam("size", 1).get("/api/v1/decisions").then()
                    .statusCode(200).extract().jsonPath().getList("items.decisionId");
            assertThat(newest).as("search right after decision %d", i).containsExactly(decision);
        }
    }

    @Test
    void theIndexLagGaugeShowsNothingBehindOnceASearchHasCaughtUp() {
        String lead = "index-lag-" + UUID.randomUUID().toString().substring(0, 8);
        quote(lead, "2026-11-05T10:00:00Z");
        assertThat(foundByRule(lead)).hasSize(1);
        // Metrics are read as admin: the gauge counts this instance's decisions the index does not hold yet.
        String metrics = TestCredentials.as(Roles.ADMIN).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("leadqualifier_rule_index_lag ")))
                .as("the lag right after a search by rule").containsExactly("leadqualifier_rule_index_lag 0.0");
    }

    @Test
    void anExportByRuleHoldsTheDecisionJustAnswered() {
        String lead = "index-export-" + UUID.randomUUID().toString().substring(0, 8);
        String decision = quote(lead, "2026-11-05T10:00:00Z");
        String jsonl = given().queryParam("format", "jsonl").queryParam("rule", QUOTE_RULE).queryParam("leadId", lead)
                .get("/api/v1/decisions/export").then().statusCode(200).extract().asString();
        assertThat(jsonl.lines()).hasSize(1).allMatch(line -> line.contains(decision));
    }

    @Test
    void decisionsAProcessLeftUnindexedAreIndexedFromTheirRecords() throws SQLException {
        String lead = "index-restart-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ours = List.of(quote(lead, "2026-11-05T10:00:00Z"), quote(lead, "2026-11-06T10:00:00Z"));
        assertThat(foundByRule(lead)).containsExactlyInAnyOrderElementsOf(ours);
        long first = sequenceOf(ours.get(0));
        List<String> indexed = hitsFrom(first);

        forgetIndexFrom(first);

        assertThat(foundByRule(lead)).containsExactlyInAnyOrderElementsOf(ours);
        assertThat(hitsFrom(first)).as("the index rebuilt from the records is the one written at the time").isEqualTo(indexed);
    }

    @Test
    void aRecordAlteredInTheDatabaseIsLeftOutOfTheIndexAndTheOthersAreIndexed() throws SQLException {
        String lead = "index-altered-" + UUID.randomUUID().toString().substring(0, 8);
        String altered = quote(lead, "2026-11-05T10:00:00Z");
        String intact = quote(lead, "2026-11-06T10:00:00Z");
        foundByRule(lead);
        byte[] body = (byte[]) tables.value("select body from decision where id = '" + altered + "'");
        tables.setBody(altered, new byte[] {1, 2, 3});
        try {
            forgetIndexFrom(sequenceOf(altered));
            assertThat(foundByRule(lead)).containsExactly(intact);
        } finally {
            tables.setBody(altered, body);
        }
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    private long sequenceOf(String decisionId) {
        return tables.count("select chain_seq from decision where id = '" + decisionId + "'");
    }

    /** The index entries from a place in the chain on, as rule@place. */
    private List<String> hitsFrom(long sequence) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("select n.name, h.decision_seq, h.evaluated_at from decision_rule_hit h"
                        + " join rule_name n on n.id = h.rule_id where h.decision_seq >= ? order by h.decision_seq, n.name")) {
            select.setLong(1, sequence);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hits.add(rows.getString(1) + "@" + rows.getLong(2) + "@" + rows.getObject(3, java.time.OffsetDateTime.class).toInstant());
                }
            }
        }
        assertThat(hits).isNotEmpty();
        return hits;
    }

    /** What a process killed before indexing leaves: decisions recorded after the index's mark, with no entries. */
    private void forgetIndexFrom(long sequence) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            // The mark first, as the indexer takes it: a round under way commits before the entries go.
            try (PreparedStatement lock = connection.prepareStatement("select indexed_seq from rule_index_mark where id = 1 for update");
                    PreparedStatement delete = connection.prepareStatement("delete from decision_rule_hit where decision_seq >= ?");
                    PreparedStatement mark = connection.prepareStatement("update rule_index_mark set indexed_seq = ? where id = 1")) {
                lock.executeQuery().close();
                delete.setLong(1, sequence);
                delete.executeUpdate();
                mark.setLong(1, sequence - 1);
                mark.executeUpdate();
            }
            connection.commit();
        }
    }
}
