package io.leadqualifier.audit;

import org.junit.jupiter.api.BeforeEach;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET /api/v1/decisions/{id}: what an auditor reads back. */
@QuarkusTest
class DecisionResourceTest {

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }

    @Test
    void recordedDecisionHasTheInputAfterDefaultsTheFiredRulesAndThePolicyVersion() {
        Map<String, Object> answered = given().contentType(ContentType.JSON).body("""
                { "leadId": "audit-1", "asOf": "2026-11-22T10:00:00Z",
                  "contact": { "email": "claire@acme.fr", "seniority": "DIRECTOR" },
                  "company": { "industry": "software", "employees": 250, "country": "fr" },
                  "activities": [ { "type": "DEMO_REQUEST", "at": "2026-11-21T09:00:00Z" } ] }
                """)
                .when().post("/api/v1/qualify")
                .then().statusCode(200).extract().as(Map.class);

        given().when().get("/api/v1/decisions/" + answered.get("decisionId"))
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("decisionId", equalTo(answered.get("decisionId")))
                .body("stage", equalTo(answered.get("stage")))
                .body("evaluatedAt", equalTo(answered.get("evaluatedAt")))
                .body("reasons", equalTo(answered.get("reasons")))
                .body("firedRules", equalTo(answered.get("firedRules")))
                .body("policy", equalTo(answered.get("policy")))
                .body("policy.version", matchesPattern("[0-9a-f]{12}"))
                .body("input.leadId", equalTo("audit-1"))
                .body("input.asOf", equalTo("2026-11-22T10:00:00Z"))
                .body("input.company.industry", equalTo("SOFTWARE"))
                .body("input.company.country", equalTo("FR"))
                .body("input.contact.decisionMaker", equalTo(false))
                .body("input.contact.seniority", equalTo("DIRECTOR"))
                .body("input.consent.optedOut", equalTo(false))
                .body("input.bant.need", equalTo(false))
                .body("input.sales.meetingBooked", equalTo(false))
                .body("input.activities", hasSize(1));
    }

    @Test
    void defaultedAsOfIsRecorded() {
        String id = given().contentType(ContentType.JSON).body("{\"leadId\":\"audit-2\",\"contact\":{\"email\":\"a@b.co\"}}")
                .when().post("/api/v1/qualify").then().statusCode(200).extract().path("decisionId");
        String asOf = given().when().get("/api/v1/decisions/" + id).then().statusCode(200).extract().path("asOf");

        given().when().get("/api/v1/decisions/" + id).then().body("input.asOf", equalTo(asOf));
    }

    @Test
    void unknownDecisionIsA404() {
        given().when().get("/api/v1/decisions/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/decisions/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
