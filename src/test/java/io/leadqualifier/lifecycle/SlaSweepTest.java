package io.leadqualifier.lifecycle;

import static io.leadqualifier.lifecycle.LeadLifecycleTest.event;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.lead;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.mql;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.newLead;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.qualify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.lifecycle.sla.SlaSweep;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.leadqualifier.system.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** The sweep enforces the SLA: a breach recorded once and escalated, a recycle back to nurture, contact in time spares both. */
@QuarkusTest
class SlaSweepTest {
    @Inject
    TestClock clock;
    @Inject
    SlaSweep sweep;

    @BeforeEach
    void actAsCrm() {
        TestCredentials.actAs(Roles.CRM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aHandOffPastRespondByWithoutContactIsBreachedOnceAndEscalated() {
        String leadId = newLead("breach");
        Instant asOf = now();
        qualify(mql(leadId, asOf));
        clock.advance(Duration.ofHours(25));
        sweep.sweep();
        sweep.sweep();

        JsonPath lifecycle = lead(leadId);
        assertThat(lifecycle.getList("events.type")).containsExactly("SLA_BREACHED", "ESCALATED");
        assertThat(lifecycle.getString("events[0].at")).isEqualTo(asOf.plus(Duration.ofHours(24)).toString());
        assertThat(lifecycle.getString("events[1].reason")).isEqualTo("SDR_MANAGER");
        assertThat(lifecycle.getString("events[1].actor")).isEqualTo("sla sweep");
        assertThat(lifecycle.getString("handoff.breachedAt")).isNotNull();
        assertThat(lifecycle.getString("status")).isEqualTo("HANDED_OFF");
        assertThat(lifecycle.getString("transitions[1].cause")).isEqualTo("BREACH");
        assertThat(lifecycle.getString("transitions[1].detail")).contains("escalated to SDR_MANAGER");

        TestCredentials.actAs(Roles.REVOPS);
        given().queryParam("queue", "SDR").queryParam("from", asOf.toString()).queryParam("to", asOf.plus(Duration.ofDays(2)).toString())
                .get("/api/v1/sla/breaches").then().statusCode(200).body("items.leadId", hasItem(leadId));
    }

    @Test
    void concurrentSweepsRecordEachBreachExactlyOnce() throws Exception {
        List<String> leads = new ArrayList<>();
        Instant asOf = now();
        for (int i = 0; i < 12; i++) {
            String leadId = newLead("race");
            qualify(mql(leadId, asOf));
            leads.add(leadId);
        }
        clock.advance(Duration.ofHours(25));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<SlaSweep.Report>> sweeps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(sweep::sweep);
            }
            int breached = 0;
            for (Future<SlaSweep.Report> report : pool.invokeAll(sweeps)) {
                breached += report.get().breached();
            }
            assertThat(breached).isGreaterThanOrEqualTo(leads.size());
        } finally {
            pool.shutdownNow();
        }
        for (String leadId : leads) {
            assertThat(lead(leadId).getList("events.type")).as(leadId).containsExactly("SLA_BREACHED", "ESCALATED");
        }
        TestCredentials.actAs(Roles.AUDITOR);
        given().get("/api/v1/audit/lifecycle/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void contactBeforeRespondBySparesTheBreach() {
        String leadId = newLead("in-time");
        Instant asOf = now().minus(Duration.ofHours(3));
        qualify(mql(leadId, asOf));
        event(leadId, leadId + "-c", "CONTACTED", asOf.plus(Duration.ofHours(2)), null, null).statusCode(201);
        clock.advance(Duration.ofHours(30));
        sweep.sweep();
        assertThat(lead(leadId).getList("events.type")).containsExactly("CONTACTED");
    }

    @Test
    void aHandOffWithoutProgressByRecycleAtGoesBackToNurture() {
        String leadId = newLead("recycle");
        Instant asOf = now().minus(Duration.ofHours(3));
        qualify(mql(leadId, asOf));
        event(leadId, leadId + "-c", "CONTACTED", asOf.plus(Duration.ofHours(2)), null, null).statusCode(201);
        clock.advance(Duration.ofDays(15));
        sweep.sweep();

        JsonPath lifecycle = lead(leadId);
        assertThat(lifecycle.getString("status")).isEqualTo("MARKETING");
        assertThat(lifecycle.getString("stage")).isEqualTo("LEAD");
        assertThat(lifecycle.getString("route")).isEqualTo("NURTURE");
        assertThat(lifecycle.getInt("recycleCount")).isEqualTo(1);
        assertThat(lifecycle.getString("handoffs[0].closeReason")).isEqualTo("RECYCLED");
        assertThat(lifecycle.getList("events.type")).containsExactly("CONTACTED", "RECYCLED");
        assertThat(lifecycle.getList("transitions.cause")).containsExactly("DECISION", "SALES_EVENT", "RECYCLE");

        JsonPath again = qualify(mql(leadId, asOf.plus(Duration.ofDays(15))));
        assertThat(again.getString("stage")).isEqualTo("MQL");
        TestCredentials.actAs(Roles.AUDITOR);
        given().get("/api/v1/decisions/" + again.getString("decisionId")).then().body("input.history.recycleCount", equalTo(1));
    }

    @Test
    void anAcceptedLeadIsNotRecycled() {
        String leadId = newLead("accepted");
        Instant asOf = now().minus(Duration.ofHours(3));
        qualify(mql(leadId, asOf));
        event(leadId, leadId + "-a", "ACCEPTED", asOf.plus(Duration.ofHours(2)), null, null).statusCode(201);
        clock.advance(Duration.ofDays(20));
        sweep.sweep();
        assertThat(lead(leadId).getString("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void openHandOffsShowTheTimeLeftAndOnlyAdminsSweep() {
        String leadId = newLead("open");
        Instant asOf = now();
        JsonPath decision = qualify(mql(leadId, asOf));
        String assignee = decision.getString("sla.assignee");
        JsonPath open = given().queryParam("queue", "SDR").queryParam("assignee", assignee).queryParam("size", 500)
                .get("/api/v1/sla/open").then().statusCode(200).extract().jsonPath();
        int index = open.getList("items.handoff.leadId").indexOf(leadId);
        assertThat(index).isNotNegative();
        Duration left = Duration.parse(open.getString("items[" + index + "].timeLeft"));
        assertThat(left).isBetween(Duration.ofHours(23), Duration.ofHours(24));
        assertThat(open.getBoolean("items[" + index + "].overdue")).isFalse();

        given().post("/api/v1/sla/sweep").then().statusCode(403);
        TestCredentials.as(Roles.ADMIN).post("/api/v1/sla/sweep").then().statusCode(200).body("breached", notNullValue());
    }
}
