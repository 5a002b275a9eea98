package io.leadqualifier.lifecycle;

import static io.leadqualifier.lifecycle.LeadLifecycleTest.mql;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.newLead;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.qualify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadqualifier.handoff.roster.Roster;
import io.leadqualifier.handoff.roster.RosterMember;
import io.leadqualifier.policy.activation.ActivePolicy;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** New hand-offs go round the queue's active members, weighted, and each assignment replays to the same member. */
@QuarkusTest
class RoundRobinTest {
    @Inject
    ActivePolicy active;

    @Test
    void handOffsFollowTheRosterTurnByTurnSkippingInactiveMembersAndReplayIdentically() {
        Roster roster = active.require().policy().roster();
        List<RosterMember> sdrs = roster.activeMembers("SDR");
        int cycle = sdrs.stream().mapToInt(RosterMember::weight).sum();
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<JsonPath> decisions = new ArrayList<>();
        for (int i = 0; i < cycle; i++) {
            decisions.add(qualify(mql(newLead("rr"), asOf)));
        }
        Map<String, Integer> received = new LinkedHashMap<>();
        long firstTurn = decisions.get(0).getLong("sla.turn");
        for (int i = 0; i < decisions.size(); i++) {
            JsonPath decision = decisions.get(i);
            assertThat(decision.getLong("sla.turn")).isEqualTo(firstTurn + i);
            assertThat(decision.getString("sla.assignee")).isEqualTo(roster.assign("SDR", firstTurn + i).member());
            received.merge(decision.getString("sla.assignee"), 1, Integer::sum);
        }
        // One whole cycle of the round robin: each active member exactly as many hand-offs as its weight.
        for (RosterMember member : sdrs) {
            assertThat(received.getOrDefault(member.member(), 0)).as(member.member()).isEqualTo(member.weight());
        }
        roster.members("SDR").stream().filter(member -> !member.active())
                .forEach(inactive -> assertThat(received).doesNotContainKey(inactive.member()));

        TestCredentials.actAs(Roles.AUDITOR);
        for (JsonPath decision : decisions) {
            given().post("/api/v1/decisions/" + decision.getString("decisionId") + "/replay").then().statusCode(200)
                    .body("identical", equalTo(true));
        }
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
