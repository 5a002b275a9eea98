package io.leadqualifier.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Qualifications keep running while the policy is swapped again and again: none fails, and each decision
 * names a version that was serving when it was evaluated.
 */
@QuarkusTest
@TestProfile(PolicySwapProfile.class)
public class PolicySwapUnderLoadTest {

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }
    private static final int SWAPS = 10;

    @Test
    void noQualificationFailsAndEachNamesAVersionThatWasServing() throws Exception {
        byte[][] tables = {table(8), table(9), table(10)};
        Set<String> served = ConcurrentHashMap.newKeySet();
        served.add(given().when().get("/api/v1/policy").then().extract().path("version"));
        List<JsonPath> decisions = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean swapping = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            running.add(clients.submit(() -> {
                while (swapping.get()) {
                    var response = given().contentType("application/json").body("""
                            { "leadId": "swap", "asOf": "2026-11-22T10:00:00Z", "contact": { "email": "a@acme.fr" },
                              "activities": [ { "type": "EMAIL_CLICK", "at": "2026-11-21T09:00:00Z" } ] }""")
                            .when().post("/api/v1/qualify").then().extract();
                    if (response.statusCode() == 200) {
                        decisions.add(response.jsonPath());
                    } else {
                        failures.add(response.statusCode() + " " + response.asString());
                    }
                }
            }));
        }
        for (int i = 0; i < SWAPS; i++) {
            served.add(given().multiPart("file", "engagement-scoring.xlsx", tables[(i + 1) % tables.length],
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .when().post("/api/v1/policy/files").then().statusCode(200).extract().path("version"));
        }
        swapping.set(false);
        for (Future<?> client : running) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(failures).isEmpty();
        assertThat(decisions).hasSizeGreaterThan(SWAPS);
        assertThat(decisions).allSatisfy(decision -> {
            assertThat(served).contains(decision.getString("policy.version"));
            assertThat(Instant.parse(decision.getString("policy.activatedAt")))
                    .isBeforeOrEqualTo(Instant.parse(decision.getString("evaluatedAt")));
            int points = decision.getInt("score.engagement");
            assertThat(points).isBetween(8, 10);
        });
        assertThat(decisions.stream().map(d -> d.getString("policy.version")).distinct().count())
                .as("decisions were made by several versions").isGreaterThan(1);
    }

    private static byte[] table(int clickPoints) {
        return PolicyWorkspace.copyOfDefault()
                .setCell("engagement-scoring.xlsx", "Engagement", "Engagement: EMAIL_CLICK", "Points", clickPoints)
                .bytes("decision-tables/engagement-scoring.xlsx");
    }
}
