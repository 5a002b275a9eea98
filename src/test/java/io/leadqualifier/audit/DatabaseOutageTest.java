package io.leadqualifier.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;


import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The decision table goes away mid-flight: qualifying answers 503 and returns no decision, reading the
 * trail answers 503 (an export too, before it has written a byte), and once it is back nothing recorded
 * before is lost and the chain still verifies.
 */
@QuarkusTest
@TestProfile(AuditProfile.class)
class DatabaseOutageTest {
    @Inject
    AgroalDataSource database;

    @BeforeEach
    void actAsAuditor() {
        TestCredentials.actAs(Roles.AUDITOR);
    }

    private static io.restassured.response.ValidatableResponse qualify(String leadId) {
        return TestCredentials.as(Roles.CRM).contentType("application/json")
                .body("{\"leadId\":\"" + leadId + "\",\"contact\":{\"email\":\"o@acme.fr\"}}").post("/api/v1/qualify").then();
    }

    @Test
    void anOutageLosesNothingAndAnswers503() {
        TrailTables tables = new TrailTables(database);
        String before = qualify("outage-before").statusCode(200).extract().path("decisionId");
        tables.execute("alter table decision rename to decision_away");
        try {
            qualify("outage-during").statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:lead-qualifier:problem:store-unavailable"))
                    .body("detail", startsWith("The decision could not be recorded, so none is returned; retry later (incident "));
            given().get("/api/v1/audit/verify").then().statusCode(503).contentType("application/problem+json")
                    .body("detail", startsWith("The decision trail could not be read"));
            given().get("/api/v1/decisions/export").then().statusCode(503).contentType("application/problem+json");
            given().get("/api/v1/decisions?leadId=outage-before").then().statusCode(503);
        } finally {
            tables.execute("alter table decision_away rename to decision");
        }
        qualify("outage-after").statusCode(200);
        given().get("/api/v1/decisions/" + before).then().statusCode(200);
        given().get("/api/v1/decisions?leadId=outage-during").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }
}
