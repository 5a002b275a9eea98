package io.leadqualifier.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.audit.integrity.DecisionRetention;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.leadqualifier.system.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Expired decisions are purged oldest first, and what remains still verifies, anchored on the purge. */
@QuarkusTest
@TestProfile(RetentionProfile.class)
class DecisionRetentionTest {
    @Inject
    DecisionRetention retention;
    @Inject
    TestClock clock;

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }

    private static String qualify(String leadId) {
        return TestCredentials.as(Roles.CRM).contentType("application/json")
                .body("{\"leadId\":\"" + leadId + "\",\"contact\":{\"email\":\"r@acme.fr\",\"firstName\":\"Rita\"}}")
                .post("/api/v1/qualify").then().statusCode(200).extract().path("decisionId");
    }

    private static int stored() {
        return given().get("/api/v1/decisions").then().statusCode(200).extract().path("total");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void purgeRemovesTheExpiredPrefixAndVerifyStillPasses() {
        for (int i = 0; i < 3; i++) {
            qualify("old-" + i);
        }
        Instant cutoff = clock.instant().plusSeconds(30);
        clock.advance(Duration.ofMinutes(1));
        String kept = qualify("new-0");
        qualify("new-1");
        String headBefore = given().get("/api/v1/audit/verify").then().extract().path("headHash");

        DecisionRetention.Purge purge = retention.purgeEvaluatedBefore(cutoff);
        assertThat(purge.decisions()).isEqualTo(3);
        assertThat(purge.throughSequence()).isEqualTo(3L);
        assertThat(stored()).isEqualTo(2);
        given().get("/api/v1/decisions/" + kept).then().statusCode(200);
        JsonPath verification = given().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(verification.getBoolean("valid")).isTrue();
        assertThat(verification.getInt("checked")).isEqualTo(2);
        assertThat(verification.getInt("firstSequence")).isEqualTo(4);
        assertThat(verification.getString("anchor")).isEqualTo("retention purge through sequence 3");
        assertThat(verification.getString("headHash")).isEqualTo(headBefore);
        given().get("/api/v1/audit/purges").then().statusCode(200)
                .body("[0].throughSequence", equalTo(3)).body("[0].decisions", equalTo(3));
        given().post("/api/v1/decisions/" + kept + "/replay").then().body("identical", equalTo(true));

        // what the scheduled job does once the 5 s period has passed for the rest
        clock.advance(Duration.ofSeconds(6));
        assertThat(retention.applyPeriod()).get().extracting(DecisionRetention.Purge::decisions).isEqualTo(2L);
        assertThat(stored()).isZero();
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true)).body("checked", equalTo(0))
                .body("headHash", equalTo(headBefore));
        qualify("after-purge");
        given().get("/api/v1/audit/verify").then().body("valid", equalTo(true)).body("checked", equalTo(1))
                .body("firstSequence", equalTo(6)).body("anchor", equalTo("retention purge through sequence 5"));
        given().post("/api/v1/audit/purge").then().statusCode(200).body("decisions", equalTo(0));
    }
}
