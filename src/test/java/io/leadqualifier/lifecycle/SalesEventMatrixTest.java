package io.leadqualifier.lifecycle;

import static io.leadqualifier.lifecycle.LeadLifecycleTest.event;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.lead;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.mql;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.newLead;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.qualify;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Every sales event in every state of the lead: allowed ones move it where the contract says, refused ones
 * get a 409 and change nothing.
 */
@QuarkusTest
class SalesEventMatrixTest {
    /** How to bring a fresh MQL (handed off) to each state, by the events sales send first. */
    private static final Map<String, List<String>> REACH = Map.of(
            "MARKETING", List.of("REJECTED"),
            "HANDED_OFF", List.of(),
            "CONTACTED", List.of("CONTACTED"),
            "ACCEPTED", List.of("ACCEPTED"),
            "WON", List.of("WON"),
            "LOST", List.of("LOST"));

    /** State × event → the state after it, or "409". */
    private static final String[][] CONTRACT = {
        //            CONTACTED     ACCEPTED     REJECTED     MEETING_HELD  WON    LOST
        {"MARKETING", "409",        "409",       "409",       "409",        "WON", "LOST"},
        {"HANDED_OFF", "CONTACTED", "ACCEPTED",  "MARKETING", "ACCEPTED",   "WON", "LOST"},
        {"CONTACTED", "CONTACTED",  "ACCEPTED",  "MARKETING", "ACCEPTED",   "WON", "LOST"},
        {"ACCEPTED",  "ACCEPTED",   "409",       "MARKETING", "ACCEPTED",   "WON", "LOST"},
        {"WON",       "409",        "409",       "409",       "409",        "409", "409"},
        {"LOST",      "409",        "409",       "409",       "409",        "409", "409"},
    };
    private static final String[] EVENTS = {"CONTACTED", "ACCEPTED", "REJECTED", "MEETING_HELD", "WON", "LOST"};

    record Case(String state, String event, String expected) {
        @Override
        public String toString() {
            return event + " when " + state + " → " + expected;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String[] row : CONTRACT) {
            for (int i = 0; i < EVENTS.length; i++) {
                cases.add(new Case(row[0], EVENTS[i], row[i + 1]));
            }
        }
        return cases.stream();
    }

    @AfterEach
    void noDefaultCredentials() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @BeforeEach
    void actAsCrm() {
        TestCredentials.actAs(Roles.CRM);
    }

    private static String reason(String event) {
        return switch (event) {
            case "REJECTED" -> "NO_BUDGET";
            case "LOST" -> "PRICE";
            default -> null;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachEventInEachStateDoesWhatTheContractSays(Case c) {
        String leadId = newLead("matrix-" + c.state().toLowerCase());
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(10));
        qualify(mql(leadId, asOf));
        Instant at = asOf;
        for (String setup : REACH.get(c.state())) {
            at = at.plus(Duration.ofMinutes(10));
            event(leadId, leadId + "-setup-" + setup, setup, at, reason(setup), null).statusCode(201);
        }
        assertThat(lead(leadId).getString("status")).isEqualTo(c.state());
        int events = lead(leadId).getList("events").size();

        var answer = event(leadId, leadId + "-" + c.event(), c.event(), at.plus(Duration.ofMinutes(10)), reason(c.event()), null);
        if (c.expected().equals("409")) {
            answer.statusCode(409).contentType("application/problem+json");
            assertThat(lead(leadId).getString("status")).isEqualTo(c.state());
            assertThat(lead(leadId).getList("events")).hasSize(events);
        } else {
            answer.statusCode(201);
            assertThat(lead(leadId).getString("status")).isEqualTo(c.expected());
            assertThat(lead(leadId).getList("events")).hasSize(events + 1);
        }
    }
}
