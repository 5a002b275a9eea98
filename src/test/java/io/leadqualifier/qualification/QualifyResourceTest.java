package io.leadqualifier.qualification;

import org.junit.jupiter.api.BeforeEach;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** POST /api/v1/qualify, as a CRM calls it. */
@QuarkusTest
class QualifyResourceTest {

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }

    static final String CONTRACT_EXAMPLE = """
            {
              "leadId": "crm-00042",
              "asOf": "2026-11-22T10:00:00Z",
              "contact": { "email": "claire.martin@acme.fr", "firstName": "Claire", "lastName": "Martin",
                           "jobTitle": "Head of Marketing", "seniority": "DIRECTOR", "decisionMaker": false },
              "company": { "name": "Acme", "domain": "acme.fr", "industry": "SOFTWARE", "employees": 250,
                           "country": "FR", "competitor": false },
              "source":  { "kind": "INBOUND", "channel": "WEBINAR" },
              "consent": { "optedOut": false, "doNotEmail": false, "doNotCall": false, "legalBasis": "CONSENT" },
              "activities": [ { "type": "CONTENT_DOWNLOAD", "at": "2026-11-20T09:00:00Z", "detail": "lead-gen white paper" } ],
              "bant":  { "budget": false, "authority": false, "need": false, "timingMonths": null },
              "sales": { "qualificationCallHeld": false, "meetingBooked": false, "proposalRequested": false,
                         "negotiationStarted": false }
            }
            """;

    @Test
    void contractExampleIsAWarmNurturedLead() {
        given().contentType(ContentType.JSON).body(CONTRACT_EXAMPLE)
                .when().post("/api/v1/qualify")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("leadId", equalTo("crm-00042"))
                .body("asOf", equalTo("2026-11-22T10:00:00Z"))
                .body("evaluatedAt", notNullValue())
                .body("stage", equalTo("LEAD"))
                .body("temperature", equalTo("WARM"))
                .body("route", equalTo("NURTURE"))
                .body("score.fit", equalTo(50)).body("score.engagement", equalTo(10)).body("score.total", equalTo(60))
                .body("checklist.icpFit", equalTo(true)).body("checklist.need", equalTo(false))
                .body("checklist.checked", equalTo(1))
                .body("sla", nullValue())
                .body("reasons[0].rule", equalTo("Engagement: CONTENT_DOWNLOAD"))
                .body("reasons[0].source", equalTo("decision-tables/engagement-scoring.xlsx"))
                .body("reasons[0].points", equalTo(10))
                .body("reasons[0].message", equalTo("1 × CONTENT_DOWNLOAD in the last 90 days"))
                .body("reasons.find { it.rule == 'Stage: lead' }.points", nullValue())
                .body("firedRules[0].sequence", equalTo(1))
                .body("firedRules[0].name", equalTo("Engagement: CONTENT_DOWNLOAD"))
                .body("policy.version", matchesPattern("[0-9a-f]{12}"))
                .body("policy.activatedAt", notNullValue())
                .body("input", nullValue());
    }

    @Test
    void mqlWithSlaFromTheReadmeExample() {
        given().contentType(ContentType.JSON).body("""
                { "leadId": "crm-00043", "asOf": "2026-11-22T10:00:00Z",
                  "contact": { "email": "claire.martin@acme.fr", "seniority": "DIRECTOR" },
                  "company": { "industry": "SOFTWARE", "employees": 250, "country": "FR" },
                  "activities": [ { "type": "CONTENT_DOWNLOAD", "at": "2026-11-20T09:00:00Z" },
                                  { "type": "WEBINAR_ATTENDED", "at": "2026-11-12T15:00:00Z" } ] }
                """)
                .when().post("/api/v1/qualify")
                .then().statusCode(200)
                .body("stage", equalTo("MQL")).body("route", equalTo("SDR")).body("temperature", equalTo("WARM"))
                .body("score.total", equalTo(75))
                .body("sla.owner", equalTo("SDR"))
                .body("sla.respondBy", equalTo("2026-11-23T10:00:00Z"))
                .body("sla.escalateTo", equalTo("SDR_MANAGER"))
                .body("sla.recycleAt", equalTo("2026-12-06T10:00:00Z"));
    }

    @Test
    void minimalRequestTakesDefaultsAndAsOfIsNow() {
        given().contentType(ContentType.JSON).body("""
                { "leadId": "minimal-1", "contact": { "email": "a@b.co" } }
                """)
                .when().post("/api/v1/qualify")
                .then().statusCode(200)
                .body("stage", equalTo("LEAD")).body("score.total", equalTo(0))
                .body("asOf", startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().substring(0, 4)));
    }

    @Test
    void unknownPropertiesAreIgnored() {
        given().contentType(ContentType.JSON).body("""
                { "leadId": "extra-1", "hubspotOwner": 77, "contact": { "email": "a@b.co", "linkedin": "x" } }
                """)
                .when().post("/api/v1/qualify")
                .then().statusCode(200).body("leadId", equalTo("extra-1"));
    }

    @Test
    void activityTypesAreStoredUpperCaseAndUnknownOnesScoreZero() {
        String id = given().contentType(ContentType.JSON).body("""
                { "leadId": "unknown-activity", "asOf": "2026-11-22T10:00:00Z", "contact": { "email": "a@b.co" },
                  "activities": [ { "type": "podcast_listen", "at": "2026-11-20T09:00:00Z" } ] }
                """)
                .when().post("/api/v1/qualify")
                .then().statusCode(200).body("score.engagement", equalTo(0))
                .body("reasons.find { it.rule == 'Engagement: unknown activity type' }.message",
                        equalTo("1 × PODCAST_LISTEN: not in the engagement table, scores 0"))
                .extract().path("decisionId");

        given().when().get("/api/v1/decisions/" + id)
                .then().statusCode(200).body("input.activities[0].type", equalTo("PODCAST_LISTEN"));
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnTheFirstDecision() {
        String key = "retry-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(CONTRACT_EXAMPLE)
                .when().post("/api/v1/qualify")
                .then().statusCode(200).extract().path("decisionId");

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(CONTRACT_EXAMPLE)
                .when().post("/api/v1/qualify")
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("decisionId", equalTo(first)).body("stage", equalTo("LEAD"));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = "conflict-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(CONTRACT_EXAMPLE)
                .when().post("/api/v1/qualify").then().statusCode(200);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(CONTRACT_EXAMPLE.replace("crm-00042", "crm-99999"))
                .when().post("/api/v1/qualify")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Idempotency key reused"))
                .body("detail", startsWith("Idempotency-Key '" + key + "'"));
    }

    @Test
    void withoutAKeyEveryRequestIsANewDecision() {
        String first = given().contentType(ContentType.JSON).body(CONTRACT_EXAMPLE)
                .when().post("/api/v1/qualify").then().statusCode(200).extract().path("decisionId");
        given().contentType(ContentType.JSON).body(CONTRACT_EXAMPLE)
                .when().post("/api/v1/qualify")
                .then().statusCode(200).body("decisionId", org.hamcrest.Matchers.not(equalTo(first)));
    }

    @Test
    void tenThousandActivitiesAreAccepted() {
        StringBuilder activities = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            activities.append(i == 0 ? "" : ",").append("{\"type\":\"EMAIL_OPEN\",\"at\":\"2026-11-20T09:00:00Z\"}");
        }
        given().contentType(ContentType.JSON)
                .body("{\"leadId\":\"busy\",\"asOf\":\"2026-11-22T10:00:00Z\",\"contact\":{\"email\":\"a@b.co\"},\"activities\":["
                        + activities + "]}")
                .when().post("/api/v1/qualify")
                .then().statusCode(200).body("score.engagement", equalTo(15))
                .body("reasons.findAll { it.points != null }.points", everyItem(equalTo(15)))
                .body("reasons.findAll { it.points != null }", hasSize(1));
    }
}
