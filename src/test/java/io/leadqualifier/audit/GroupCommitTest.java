package io.leadqualifier.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.audit.trail.PendingDecision;
import io.leadqualifier.audit.trail.TrailAppender;
import io.leadqualifier.decision.DecisionView;
import io.leadqualifier.decision.PersonalData;
import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.facts.FiredRule;
import io.leadqualifier.facts.Route;
import io.leadqualifier.facts.Stage;
import io.leadqualifier.facts.Temperature;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Decisions arriving together are written together, and the trail stays what it was one decision at a time:
 * one total order, every answered decision found, retries with one key giving one decision, and a group that
 * cannot be written leaving nothing behind.
 */
@QuarkusTest
@TestProfile(AuditProfile.class)
class GroupCommitTest {
    private static final int CLIENTS = 16;

    @Inject
    AgroalDataSource database;
    @Inject
    ObjectMapper json;
    private TrailTables tables;

    @BeforeEach
    void actAsAuditor() {
        tables = new TrailTables(database);
        TestCredentials.actAs(Roles.AUDITOR);
    }

    private static String body(String leadId, String email) {
        return "{\"leadId\":\"" + leadId + "\",\"asOf\":\"2026-11-01T10:00:00Z\",\"contact\":{\"email\":\"" + email
                + "\",\"seniority\":\"DIRECTOR\"},\"company\":{\"industry\":\"SOFTWARE\",\"employees\":250},"
                + "\"activities\":[{\"type\":\"DEMO_REQUEST\",\"at\":\"2026-10-30T10:00:00Z\"}]}";
    }

    private static Response qualify(String body, String idempotencyKey) {
        var request = TestCredentials.as(Roles.CRM).contentType("application/json").body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/qualify");
    }

    private static <T> List<T> together(int count, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(clients.submit(() -> call.apply(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : calls) {
                results.add(result.get());
            }
            return results;
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void everyDecisionAnsweredUnderConcurrentLoadIsRecordedInOneUnbrokenChain() throws Exception {
        long before = tables.count("select count(*) from decision");
        List<String> ids = together(CLIENTS * 10, n -> {
            Response answer = qualify(body("group-" + n, "p" + n + "@acme.fr"), null);
            assertThat(answer.statusCode()).isEqualTo(200);
            return answer.path("decisionId");
        });

        assertThat(Set.copyOf(ids)).hasSize(ids.size());
        assertThat(tables.count("select count(*) from decision")).isEqualTo(before + ids.size());
        // One total order: sequences 1..n without a gap, and every decision is readable as it was answered.
        assertThat(tables.count("select count(distinct chain_seq) from decision")).isEqualTo(tables.count("select max(chain_seq) from decision"));
        for (String id : ids.subList(0, 5)) {
            given().get("/api/v1/decisions/" + id).then().statusCode(200).body("input.contact.email", org.hamcrest.Matchers.startsWith("p"));
        }
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void retriesWithOneKeyInFlightTogetherGiveOneDecision() throws Exception {
        String key = "group-retry-" + UUID.randomUUID();
        List<Response> answers = together(CLIENTS, n -> qualify(body("group-retry", "r@acme.fr"), key));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers.stream().map(answer -> (String) answer.path("decisionId")).distinct()).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.header("Idempotent-Replayed") == null)).hasSize(1);
        assertThat(tables.count("select count(*) from decision where idempotency_key = '" + key + "'")).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherRequestInFlightIsRefusedAndRecordsNothing() throws Exception {
        String key = "group-conflict-" + UUID.randomUUID();
        List<Integer> statuses = together(CLIENTS, n -> qualify(body("group-conflict-" + n, "c@acme.fr"), key).statusCode());

        assertThat(statuses).containsOnly(200, 422);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(tables.count("select count(*) from decision where idempotency_key = '" + key + "'")).isEqualTo(1);
    }

    @Test
    void aGroupWithOneDecisionTheStoreRefusesRecordsNoneOfIt() throws SQLException {
        long before = tables.count("select count(*) from decision");
        String head = (String) tables.value("select last_hash from audit_chain_head where id = 1");
        String version = (String) tables.value("select version from policy_version order by created_at desc");
        ObjectMapper compact = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        PendingDecision good = pending(version, compact);
        PendingDecision unknownVersion = pending("no-such-ver", compact);

        TrailAppender trail = new TrailAppender();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> trail.append(connection, List.of(good, unknownVersion))).isInstanceOf(SQLException.class);
            connection.rollback();
            connection.setAutoCommit(true);
        }

        assertThat(tables.count("select count(*) from decision")).isEqualTo(before);
        assertThat(tables.value("select last_hash from audit_chain_head where id = 1")).isEqualTo(head);
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    private PendingDecision pending(String version, ObjectMapper compact) {
        QualifyRequest input = new QualifyRequest("group-refused", Instant.parse("2026-11-01T10:00:00Z"), null, null, null, null, null,
                null, null, null);
        DecisionView view = new DecisionView(UUID.randomUUID(), "group-refused", input.asOf(), input.asOf(), Stage.LEAD,
                Temperature.COLD, Route.NURTURE, new DecisionView.Score(0, 0, 0),
                new DecisionView.Checklist(false, false, false, false, false, false, 0), null, List.of(),
                List.of(new FiredRule(1, "Stage: lead", "decision-tables/stage-thresholds.xlsx")),
                new DecisionView.Policy(version, Instant.parse("2026-11-01T00:00:00Z")), null);
        return PendingDecision.of(view, PersonalData.split(input), null, null, compact, new SecureRandom());
    }
}
