package io.leadqualifier.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every endpoint × no credentials / each role: 401, 403 or 2xx, as the README's access matrix says. */
@QuarkusTest
class AccessMatrixTest {
    private static final String LEAD = "{\"leadId\":\"matrix\",\"contact\":{\"email\":\"a@acme.fr\"}}";
    private static String decisionId;
    private static String version;
    private static String webhookId;
    private static final String WEBHOOK = "{\"url\":\"http://127.0.0.1:9/hooks\",\"eventTypes\":[\"sla.breached\"]}";

    /** One endpoint and the roles it admits. */
    /** An endpoint, who may call it, and what an allowed call answers (0: any 2xx). */
    record Endpoint(String name, Set<String> roles, Function<RequestSpecification, Response> call, int allowedStatus) {
        Endpoint(String name, Set<String> roles, Function<RequestSpecification, Response> call) {
            this(name, roles, call, 0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void recordADecision() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        if (decisionId != null) {
            return;
        }
        decisionId = TestCredentials.as(Roles.CRM).contentType("application/json").body(LEAD)
                .post("/api/v1/qualify").then().statusCode(200).extract().path("decisionId");
        version = TestCredentials.as(Roles.AUDITOR).get("/api/v1/policy").then().statusCode(200).extract().path("version");
        webhookId = TestCredentials.as(Roles.ADMIN).contentType("application/json").body(WEBHOOK).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    static Stream<Endpoint> endpoints() throws Exception {
        Set<String> readers = Set.of(Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN);
        Set<String> changers = Set.of(Roles.REVOPS, Roles.ADMIN);
        byte[] assessment = Files.readAllBytes(Path.of("rules/assessment.drl"));
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("POST /api/v1/qualify", Set.of(Roles.CRM, Roles.ADMIN),
                r -> r.contentType("application/json").body(LEAD).post("/api/v1/qualify")));
        endpoints.add(new Endpoint("GET /api/v1/decisions/{id}", readers, r -> r.get("/api/v1/decisions/" + decisionId)));
        endpoints.add(new Endpoint("GET /api/v1/decisions", readers, r -> r.get("/api/v1/decisions?leadId=matrix")));
        endpoints.add(new Endpoint("GET /api/v1/leads/{leadId}/decisions", readers, r -> r.get("/api/v1/leads/matrix/decisions")));
        Set<String> auditors = Set.of(Roles.AUDITOR, Roles.ADMIN);
        endpoints.add(new Endpoint("POST /api/v1/decisions/{id}/replay", auditors, r -> r.post("/api/v1/decisions/" + decisionId + "/replay")));
        endpoints.add(new Endpoint("POST /api/v1/decisions/replay", auditors,
                r -> r.post("/api/v1/decisions/replay?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")));
        endpoints.add(new Endpoint("GET /api/v1/decisions/{id}/explanation", readers,
                r -> r.get("/api/v1/decisions/" + decisionId + "/explanation")));
        endpoints.add(new Endpoint("GET /api/v1/decisions/export", readers, r -> r.get("/api/v1/decisions/export?leadId=matrix")));
        endpoints.add(new Endpoint("GET /api/v1/audit/verify", auditors, r -> r.get("/api/v1/audit/verify")));
        endpoints.add(new Endpoint("GET /api/v1/audit/erasures", auditors, r -> r.get("/api/v1/audit/erasures")));
        endpoints.add(new Endpoint("GET /api/v1/audit/purges", auditors, r -> r.get("/api/v1/audit/purges")));
        // The test configuration sets no retention period, so the admin's purge is a 409, past the role check.
        endpoints.add(new Endpoint("POST /api/v1/audit/purge", Set.of(Roles.ADMIN), r -> r.post("/api/v1/audit/purge"), 409));
        endpoints.add(new Endpoint("DELETE /api/v1/leads/{leadId}/personal-data", Set.of(Roles.ADMIN),
                r -> r.delete("/api/v1/leads/matrix-nobody/personal-data")));
        endpoints.add(new Endpoint("GET /api/v1/policy", readers, r -> r.get("/api/v1/policy")));
        endpoints.add(new Endpoint("GET /api/v1/policy/versions", readers, r -> r.get("/api/v1/policy/versions")));
        endpoints.add(new Endpoint("GET /api/v1/policy/versions/{v}", readers, r -> r.get("/api/v1/policy/versions/" + version)));
        endpoints.add(new Endpoint("GET /api/v1/policy/versions/{v}/files/{path}", readers,
                r -> r.get("/api/v1/policy/versions/" + version + "/files/rules/assessment.drl")));
        endpoints.add(new Endpoint("GET /api/v1/policy/candidates", readers, r -> r.get("/api/v1/policy/candidates")));
        endpoints.add(new Endpoint("GET /api/v1/policy/diff", readers, r -> r.get("/api/v1/policy/diff?from=" + version)));
        endpoints.add(new Endpoint("POST /api/v1/policy/validate", changers,
                r -> r.multiPart("file", "assessment.drl", assessment, "text/plain").post("/api/v1/policy/validate")));
        endpoints.add(new Endpoint("POST /api/v1/policy/files", changers,
                r -> r.multiPart("file", "assessment.drl", assessment, "text/plain").post("/api/v1/policy/files")));
        endpoints.add(new Endpoint("POST /api/v1/policy/versions/{v}/activate", changers,
                r -> r.post("/api/v1/policy/versions/" + version + "/activate")));
        // No shadow is attached in this service: reading it is a 404, activating it a 409, attaching an unknown
        // version a 404, all past the role check; detaching is a 204 whatever is attached.
        endpoints.add(new Endpoint("GET /api/v1/policy/shadow", readers, r -> r.get("/api/v1/policy/shadow"), 404));
        endpoints.add(new Endpoint("PUT /api/v1/policy/shadow", changers,
                r -> r.multiPart("version", "000000000000").put("/api/v1/policy/shadow"), 404));
        endpoints.add(new Endpoint("DELETE /api/v1/policy/shadow", changers, r -> r.delete("/api/v1/policy/shadow")));
        endpoints.add(new Endpoint("POST /api/v1/policy/shadow/activate", changers, r -> r.post("/api/v1/policy/shadow/activate"), 409));
        // The serving version against itself over a day without decisions: queued (202), past the role check.
        endpoints.add(new Endpoint("POST /api/v1/simulations", changers, r -> r.multiPart("version", version)
                .multiPart("from", "2020-01-01T00:00:00Z").multiPart("to", "2020-01-02T00:00:00Z").post("/api/v1/simulations")));
        // An unknown simulation: a 404, past the role check.
        endpoints.add(new Endpoint("GET /api/v1/simulations/{id}", readers, r -> r.get("/api/v1/simulations/no-such-simulation"), 404));
        endpoints.add(new Endpoint("GET /api/v1/simulations/{id}/changes", readers,
                r -> r.get("/api/v1/simulations/no-such-simulation/changes"), 404));
        Set<String> admin = Set.of(Roles.ADMIN);
        endpoints.add(new Endpoint("POST /api/v1/webhooks", admin, r -> r.contentType("application/json").body(WEBHOOK).post("/api/v1/webhooks")));
        endpoints.add(new Endpoint("GET /api/v1/webhooks", admin, r -> r.get("/api/v1/webhooks")));
        endpoints.add(new Endpoint("GET /api/v1/webhooks/{id}", admin, r -> r.get("/api/v1/webhooks/" + webhookId)));
        endpoints.add(new Endpoint("GET /api/v1/webhooks/{id}/deliveries", admin, r -> r.get("/api/v1/webhooks/" + webhookId + "/deliveries")));
        endpoints.add(new Endpoint("POST /api/v1/webhooks/{id}/test", admin, r -> r.post("/api/v1/webhooks/" + webhookId + "/test")));
        // Deleting an unknown subscription: a 404, past the role check.
        endpoints.add(new Endpoint("DELETE /api/v1/webhooks/{id}", admin, r -> r.delete("/api/v1/webhooks/no-such-subscription"), 404));
        Set<String> everyone = Set.copyOf(Roles.ALL);
        endpoints.add(new Endpoint("GET /api/v1/leads/{leadId}", everyone, r -> r.get("/api/v1/leads/matrix")));
        // A sales event for the matrix lead (nurtured, no hand-off): a 409, past the role check.
        endpoints.add(new Endpoint("POST /api/v1/leads/{leadId}/events", Set.of(Roles.CRM, Roles.ADMIN), r -> r.contentType("application/json")
                .body("{\"eventId\":\"matrix-1\",\"type\":\"CONTACTED\",\"at\":\"2026-01-01T00:00:00Z\"}").post("/api/v1/leads/matrix/events"), 409));
        endpoints.add(new Endpoint("GET /api/v1/sla/open", everyone, r -> r.get("/api/v1/sla/open")));
        endpoints.add(new Endpoint("GET /api/v1/sla/breaches", readers, r -> r.get("/api/v1/sla/breaches")));
        endpoints.add(new Endpoint("POST /api/v1/sla/sweep", admin, r -> r.post("/api/v1/sla/sweep")));
        endpoints.add(new Endpoint("GET /api/v1/audit/lifecycle/verify", auditors, r -> r.get("/api/v1/audit/lifecycle/verify")));
        endpoints.add(new Endpoint("GET /q/metrics", Set.copyOf(Roles.ALL), r -> r.get("/q/metrics")));
        return endpoints.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void eachRoleGetsWhatTheMatrixSays(Endpoint endpoint) {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        Response anonymous = endpoint.call().apply(given());
        assertThat(anonymous.statusCode()).as("no credentials").isEqualTo(401);
        Response wrongSecret = endpoint.call().apply(given().auth().preemptive().basic(Roles.ADMIN, "not-the-secret"));
        assertThat(wrongSecret.statusCode()).as("wrong secret").isEqualTo(401);
        for (String role : Roles.ALL) {
            int status = endpoint.call().apply(TestCredentials.as(role)).statusCode();
            if (endpoint.roles().contains(role) && endpoint.allowedStatus() != 0) {
                assertThat(status).as(role).isEqualTo(endpoint.allowedStatus());
            } else if (endpoint.roles().contains(role)) {
                assertThat(status).as(role).isBetween(200, 299);
            } else {
                assertThat(status).as(role).isEqualTo(403);
            }
        }
    }

    @Test
    void unauthenticatedAnswerIsAProblemWithAChallenge() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        given().contentType("application/json").body(LEAD).post("/api/v1/qualify")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Basic"));
        TestCredentials.as(Roles.AUDITOR).contentType("application/json").body(LEAD).post("/api/v1/qualify")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void healthAndApiDescriptionStayOpen() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void responsesCarrySecurityHeadersAndNoCorsGrant() {
        TestCredentials.as(Roles.AUDITOR).header("Origin", "https://evil.example").get("/api/v1/policy")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"))
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void policyChangesRecordWhoMadeThem() {
        byte[] rules = io.leadqualifier.policy.PolicyWorkspace.copyOfDefault().bytes("rules/assessment.drl");
        TestCredentials.as(Roles.REVOPS).multiPart("file", "assessment.drl", rules, "text/plain").post("/api/v1/policy/validate")
                .then().statusCode(200).body("submittedBy", org.hamcrest.Matchers.equalTo(Roles.REVOPS));
    }
}
