package io.leadqualifier.audit;

import org.junit.jupiter.api.BeforeEach;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadqualifier.policy.PolicyArchive;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Phase 2 of the restart check: a new application reads the decision and its policy back. */
@QuarkusTest
@TestProfile(RestartPhase2.class)
class DecisionSurvivesRestartTest {

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }

    @Inject
    PolicyArchive archive;

    @Test
    void decisionIsRetrievableWithItsInputFiredRulesAndPolicyAfterARestart() throws Exception {
        assertThat(RestartPhase1.HANDOFF).as("phase 1 ran first and recorded a decision").exists();
        List<String> handoff = Files.readAllLines(RestartPhase1.HANDOFF);
        String id = handoff.get(0);
        String version = handoff.get(1);

        given().when().get("/api/v1/decisions/" + id)
                .then().statusCode(200)
                .body("leadId", equalTo("durable-1"))
                .body("stage", equalTo("MQL"))
                .body("temperature", equalTo("HOT"))
                .body("input.activities", hasSize(1))
                .body("input.contact.email", equalTo("claire@acme.fr"))
                .body("firedRules[0].name", equalTo("Engagement: DEMO_REQUEST"))
                .body("policy.version", equalTo(version));

        assertThat(archive.files(version)).as("the policy that decided is stored with its files")
                .extracting(io.leadqualifier.policy.PolicyFile::path)
                .contains("rules/routing.drl", "decision-tables/engagement-scoring.xlsx");
    }
}
