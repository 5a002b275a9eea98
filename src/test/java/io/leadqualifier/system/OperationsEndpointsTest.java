package io.leadqualifier.system;

import org.junit.jupiter.api.BeforeEach;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the API description operators rely on. */
@QuarkusTest
class OperationsEndpointsTest {

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }

    @Test
    void readyOnceAPolicyIsActiveAndSaysWhichVersion() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("policy"))
                .body("checks.find { it.name == 'policy' }.data.version", matchesPattern("[0-9a-f]{12}"));
    }

    @Test
    void metricsCountDecisionsByStageAndTimeEvaluations() {
        given().contentType("application/json").body("{\"leadId\":\"metrics-1\",\"contact\":{\"email\":\"a@b.co\"}}")
                .when().post("/api/v1/qualify").then().statusCode(200);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("leadqualifier_decisions_total{stage=\"LEAD\"}"))
                .body(containsString("leadqualifier_evaluation_seconds_count"))
                .body(containsString("leadqualifier_evaluation_seconds{quantile=\"0.99\"}"));
    }

    @Test
    void openApiDescribesTheContract() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/api/v1/qualify"))
                .body(containsString("/api/v1/decisions/{decisionId}"));
    }
}
