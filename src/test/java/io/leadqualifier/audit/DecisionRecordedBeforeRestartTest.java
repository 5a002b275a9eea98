package io.leadqualifier.audit;

import org.junit.jupiter.api.BeforeEach;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import static io.restassured.RestAssured.given;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Phase 1 of the restart check: record a decision in a file database. */
@QuarkusTest
@TestProfile(RestartPhase1.class)
class DecisionRecordedBeforeRestartTest {

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }

    @Test
    void recordADecisionToReadAfterARestart() throws Exception {
        String id = given().contentType("application/json").body("""
                { "leadId": "durable-1", "asOf": "2026-11-22T10:00:00Z",
                  "contact": { "email": "claire@acme.fr", "seniority": "DIRECTOR" },
                  "company": { "industry": "SOFTWARE", "employees": 250, "country": "FR" },
                  "activities": [ { "type": "DEMO_REQUEST", "at": "2026-11-21T09:00:00Z" } ] }
                """)
                .when().post("/api/v1/qualify")
                .then().statusCode(200).extract().path("decisionId");
        String version = given().when().get("/api/v1/decisions/" + id).then().statusCode(200)
                .extract().path("policy.version");
        Files.createDirectories(RestartPhase1.HANDOFF.getParent());
        Files.writeString(RestartPhase1.HANDOFF, id + "\n" + version);
    }
}
