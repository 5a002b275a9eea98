package io.leadqualifier.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.leadqualifier.system.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The lead lifecycle as a CRM and sales see it: decisions hand leads off, sales answer back, rules see what
 * sales said, and every change is a transition with its cause.
 */
@QuarkusTest
class LeadLifecycleTest {
    private static final AtomicInteger LEADS = new AtomicInteger();
    @Inject
    TestClock clock;

    @BeforeEach
    void actAsCrm() {
        TestCredentials.actAs(Roles.CRM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    static String newLead(String prefix) {
        return prefix + "-" + LEADS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    /** A director of a 250-person software company in France who engaged enough to be an MQL (WARM, SDR, 24 h). */
    static String mql(String leadId, Instant asOf, String... extraActivities) {
        StringBuilder activities = new StringBuilder();
        String[] types = {"CONTENT_DOWNLOAD", "EMAIL_OPEN", "EMAIL_OPEN", "WEBSITE_VISIT", "WEBSITE_VISIT"};
        for (int i = 0; i < types.length; i++) {
            activities.append(i == 0 ? "" : ",").append(activity(types[i], asOf.minus(Duration.ofDays(i + 1))));
        }
        for (String extra : extraActivities) {
            activities.append(',').append(extra);
        }
        return "{\"leadId\":\"" + leadId + "\",\"asOf\":\"" + asOf + "\",\"contact\":{\"email\":\"c@acme.fr\",\"seniority\":\"DIRECTOR\"},"
                + "\"company\":{\"industry\":\"SOFTWARE\",\"employees\":250,\"country\":\"FR\"},\"activities\":[" + activities + "]}";
    }

    /** A lead with no engagement: LEAD, nurtured, no SLA. */
    static String coldLead(String leadId, Instant asOf) {
        return "{\"leadId\":\"" + leadId + "\",\"asOf\":\"" + asOf + "\",\"contact\":{\"email\":\"n@acme.fr\"}}";
    }

    static String activity(String type, Instant at) {
        return "{\"type\":\"" + type + "\",\"at\":\"" + at + "\"}";
    }

    static JsonPath qualify(String body) {
        return TestCredentials.as(Roles.CRM).contentType("application/json").body(body).post("/api/v1/qualify").then().statusCode(200)
                .extract().jsonPath();
    }

    static io.restassured.response.ValidatableResponse event(String leadId, String eventId, String type, Instant at, String reason,
            String note) {
        String body = "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"at\":\"" + at + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
        return TestCredentials.as(Roles.CRM).contentType("application/json").body(body).post("/api/v1/leads/" + leadId + "/events").then();
    }

    static JsonPath lead(String leadId) {
        return given().get("/api/v1/leads/" + leadId).then().statusCode(200).extract().jsonPath();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void anMqlIsHandedOffToItsQueueAndAssignedToAMemberOfTheRoster() {
        String leadId = newLead("handoff");
        Instant asOf = now().minus(Duration.ofHours(1));
        JsonPath decision = qualify(mql(leadId, asOf));
        assertThat(decision.getString("stage")).isEqualTo("MQL");
        assertThat(decision.getString("sla.owner")).isEqualTo("SDR");
        assertThat(decision.getString("sla.assignee")).isNotBlank();
        assertThat(decision.getLong("sla.turn")).isPositive();

        JsonPath lifecycle = lead(leadId);
        assertThat(lifecycle.getString("status")).isEqualTo("HANDED_OFF");
        assertThat(lifecycle.getString("stage")).isEqualTo("MQL");
        assertThat(lifecycle.getString("handoff.queue")).isEqualTo("SDR");
        assertThat(lifecycle.getString("handoff.assignee")).isEqualTo(decision.getString("sla.assignee"));
        assertThat(lifecycle.getString("handoff.respondBy")).isEqualTo(asOf.plus(Duration.ofHours(24)).toString());
        assertThat(lifecycle.getList("transitions")).hasSize(1);
        assertThat(lifecycle.getString("transitions[0].cause")).isEqualTo("DECISION");
        assertThat(lifecycle.getString("transitions[0].toStatus")).isEqualTo("HANDED_OFF");
    }

    @Test
    void aRequalificationInTheSameQueueKeepsTheHandOffAndItsClock() {
        String leadId = newLead("same-queue");
        Instant asOf = now().minus(Duration.ofHours(3));
        JsonPath first = qualify(mql(leadId, asOf));
        JsonPath second = qualify(mql(leadId, asOf.plus(Duration.ofHours(1))));
        assertThat(second.getString("sla.assignee")).isEqualTo(first.getString("sla.assignee"));
        assertThat((Object) second.get("sla.turn")).isNull();
        JsonPath lifecycle = lead(leadId);
        assertThat(lifecycle.getList("handoffs")).hasSize(1);
        assertThat(lifecycle.getString("handoff.respondBy")).isEqualTo(asOf.plus(Duration.ofHours(24)).toString());
    }

    @Test
    void aLeadWithoutEngagementStaysWithMarketing() {
        String leadId = newLead("nurture");
        JsonPath decision = qualify(coldLead(leadId, now()));
        assertThat((Object) decision.get("sla")).isNull();
        JsonPath lifecycle = lead(leadId);
        assertThat(lifecycle.getString("status")).isEqualTo("MARKETING");
        assertThat(lifecycle.getString("route")).isEqualTo("NURTURE");
        assertThat((Object) lifecycle.get("handoff")).isNull();
    }

    @Test
    void contactedStopsTheResponseClockAndTheEventIsChained() {
        String leadId = newLead("contacted");
        Instant asOf = now().minus(Duration.ofHours(2));
        qualify(mql(leadId, asOf));
        event(leadId, leadId + "-e1", "CONTACTED", asOf.plus(Duration.ofMinutes(30)), null, null).statusCode(201)
                .body("event.type", equalTo("CONTACTED")).body("event.actor", equalTo("crm")).body("lead.status", equalTo("CONTACTED"))
                .body("lead.handoff.contactedAt", equalTo(asOf.plus(Duration.ofMinutes(30)).toString()));
        TestCredentials.actAs(Roles.AUDITOR);
        given().get("/api/v1/audit/lifecycle/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aRepeatedEventIsRecordedOnceAndAnEventIdReusedForAnotherEventIsRefused() {
        String leadId = newLead("repeat");
        Instant asOf = now().minus(Duration.ofHours(2));
        qualify(mql(leadId, asOf));
        Instant at = asOf.plus(Duration.ofMinutes(10));
        long seq = event(leadId, leadId + "-e1", "CONTACTED", at, null, null).statusCode(201).extract().jsonPath().getLong("event.seq");
        event(leadId, leadId + "-e1", "CONTACTED", at, null, null).statusCode(200).header("Idempotent-Replayed", "true")
                .body("event.seq", equalTo((int) seq));
        event(leadId, leadId + "-e1", "ACCEPTED", at, null, null).statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("already used"));
        assertThat(lead(leadId).getList("events")).hasSize(1);
    }

    @Test
    void rejectedSendsTheLeadBackToNurtureWithItsReason() {
        String leadId = newLead("rejected");
        Instant asOf = now().minus(Duration.ofHours(5));
        qualify(mql(leadId, asOf));
        event(leadId, leadId + "-r", "REJECTED", asOf.plus(Duration.ofHours(1)), "NO_BUDGET", null).statusCode(201)
                .body("lead.status", equalTo("MARKETING")).body("lead.stage", equalTo("LEAD")).body("lead.route", equalTo("NURTURE"))
                .body("lead.handoff", nullValue()).body("lead.handoffs[0].closeReason", equalTo("REJECTED"));
        JsonPath lifecycle = lead(leadId);
        assertThat(lifecycle.getString("transitions[1].cause")).isEqualTo("SALES_EVENT");
        assertThat(lifecycle.getString("transitions[1].detail")).contains("No budget for this");
    }

    @Test
    void aReasonMustComeFromThePolicysListAndOtherNeedsANote() {
        String leadId = newLead("reasons");
        Instant asOf = now().minus(Duration.ofHours(5));
        qualify(mql(leadId, asOf));
        Instant at = asOf.plus(Duration.ofHours(1));
        event(leadId, leadId + "-1", "REJECTED", at, null, null).statusCode(422).body("detail", containsString("NO_BUDGET"));
        event(leadId, leadId + "-2", "REJECTED", at, "TOO_EXPENSIVE", null).statusCode(422)
                .body("detail", containsString("'TOO_EXPENSIVE' is not a REJECTED reason"));
        event(leadId, leadId + "-3", "REJECTED", at, "OTHER", null).statusCode(422).body("detail", containsString("needs a note"));
        event(leadId, leadId + "-4", "CONTACTED", at, "NO_BUDGET", null).statusCode(422);
        event(leadId, leadId + "-5", "REJECTED", at, "other", "Duplicate of another lead").statusCode(201).body("event.reason", equalTo("OTHER"));
    }

    @Test
    void aLeadSalesRejectedDoesNotComeBackAsMqlWithoutNewIntent() {
        String leadId = newLead("held");
        Instant asOf = now().minus(Duration.ofDays(3));
        qualify(mql(leadId, asOf));
        Instant rejectedAt = asOf.plus(Duration.ofHours(2));
        event(leadId, leadId + "-r", "REJECTED", rejectedAt, "BAD_TIMING", null).statusCode(201);

        JsonPath held = qualify(mql(leadId, asOf.plus(Duration.ofDays(1))));
        assertThat(held.getString("stage")).isEqualTo("LEAD");
        assertThat(held.getString("route")).isEqualTo("NURTURE");
        assertThat(held.getList("firedRules.name")).contains("Sales feedback: rejected, no new intent since");
        assertThat(held.getList("reasons.message", String.class)).anyMatch(m -> m.contains("sales rejected it") && m.contains("BAD_TIMING"));

        Instant later = asOf.plus(Duration.ofDays(2));
        JsonPath back = qualify(mql(leadId, later, activity("DEMO_REQUEST", later.minus(Duration.ofHours(1)))));
        assertThat(back.getString("stage")).isEqualTo("MQL");
        assertThat(back.getString("temperature")).isEqualTo("HOT");

        TestCredentials.actAs(Roles.AUDITOR);
        String heldId = held.getString("decisionId");
        given().get("/api/v1/decisions/" + heldId).then().statusCode(200).body("input.history.lastRejectionReason", equalTo("BAD_TIMING"))
                .body("input.history.status", equalTo("MARKETING"));
        given().post("/api/v1/decisions/" + heldId + "/replay").then().statusCode(200).body("identical", equalTo(true));
    }

    @Test
    void aLeadWithNoHistoryGetsTheDecisionItGotBefore() {
        String leadId = newLead("no-history");
        JsonPath decision = qualify(mql(leadId, now()));
        assertThat(decision.getList("firedRules.name")).noneMatch(name -> name.toString().startsWith("Sales feedback"));
        TestCredentials.actAs(Roles.AUDITOR);
        given().get("/api/v1/decisions/" + decision.getString("decisionId")).then().body("input.history", nullValue());
    }

    @Test
    void wonClosesTheLeadAndNothingFollowsIt() {
        String leadId = newLead("won");
        Instant asOf = now().minus(Duration.ofHours(5));
        qualify(mql(leadId, asOf));
        event(leadId, leadId + "-a", "ACCEPTED", asOf.plus(Duration.ofHours(1)), null, null).statusCode(201)
                .body("lead.status", equalTo("ACCEPTED"));
        event(leadId, leadId + "-w", "WON", asOf.plus(Duration.ofHours(2)), null, null).statusCode(201)
                .body("lead.status", equalTo("WON")).body("lead.handoff", nullValue()).body("lead.handoffs[0].closeReason", equalTo("WON"));
        event(leadId, leadId + "-c", "CONTACTED", asOf.plus(Duration.ofHours(3)), null, null).statusCode(409)
                .body("type", containsString("event-not-allowed")).body("detail", containsString("closed (WON)"));
        JsonPath requalified = qualify(mql(leadId, asOf.plus(Duration.ofHours(4))));
        assertThat(requalified.getString("stage")).isEqualTo("MQL");
        assertThat(lead(leadId).getString("status")).isEqualTo("WON");
    }

    @Test
    void eventsOutOfOrderForAnUnknownLeadOrInTheFutureGetAPreciseProblem() {
        event("never-qualified-" + System.nanoTime(), "x1", "CONTACTED", now(), null, null).statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Unknown lead"));
        String leadId = newLead("order");
        Instant asOf = now().minus(Duration.ofHours(5));
        qualify(mql(leadId, asOf));
        event(leadId, leadId + "-early", "CONTACTED", asOf.minus(Duration.ofHours(1)), null, null).statusCode(409)
                .body("detail", containsString("before the hand-off"));
        event(leadId, leadId + "-1", "CONTACTED", asOf.plus(Duration.ofHours(2)), null, null).statusCode(201);
        event(leadId, leadId + "-2", "ACCEPTED", asOf.plus(Duration.ofHours(1)), null, null).statusCode(409)
                .body("type", containsString("event-out-of-order")).body("detail", containsString(leadId + "-1"));
        event(leadId, leadId + "-3", "ACCEPTED", now().plus(Duration.ofHours(1)), null, null).statusCode(422)
                .body("detail", containsString("in the future"));
        TestCredentials.as(Roles.CRM).contentType("application/json").body("{\"eventId\":\"e\",\"type\":\"CALLED\",\"at\":\"" + now() + "\"}")
                .post("/api/v1/leads/" + leadId + "/events").then().statusCode(400).body("errors[0].field", equalTo("type"));
        TestCredentials.as(Roles.REVOPS).contentType("application/json").body("{\"eventId\":\"e\",\"type\":\"WON\",\"at\":\"" + now() + "\"}")
                .post("/api/v1/leads/" + leadId + "/events").then().statusCode(403);
    }

    @Test
    void aDecisionForAnotherQueueSupersedesTheOpenHandOff() {
        String leadId = newLead("supersede");
        Instant asOf = now().minus(Duration.ofHours(6));
        qualify(mql(leadId, asOf));
        String sql = mql(leadId, asOf.plus(Duration.ofHours(1))).replace("\"company\"",
                "\"bant\":{\"need\":true,\"budget\":true,\"authority\":true,\"timingMonths\":3},\"company\"");
        JsonPath decision = qualify(sql);
        assertThat(decision.getString("stage")).isEqualTo("SQL");
        assertThat(decision.getString("sla.owner")).isEqualTo("AE");
        JsonPath lifecycle = lead(leadId);
        assertThat(lifecycle.getString("handoff.queue")).isEqualTo("AE");
        assertThat(lifecycle.getString("handoffs[0].closeReason")).isEqualTo("SUPERSEDED");
        assertThat(lifecycle.getList("transitions.toStage")).containsExactly("MQL", "SQL");
    }

    @Test
    void theLifecycleIsReadByTheRolesThatNeedIt() {
        String leadId = newLead("roles");
        qualify(coldLead(leadId, now()));
        for (String role : List.of(Roles.CRM, Roles.REVOPS, Roles.AUDITOR, Roles.ADMIN)) {
            TestCredentials.as(role).get("/api/v1/leads/" + leadId).then().statusCode(200).body("leadId", equalTo(leadId));
        }
        given().auth().none().get("/api/v1/leads/" + leadId).then().statusCode(401);
        TestCredentials.as(Roles.CRM).get("/api/v1/leads/unknown-" + System.nanoTime()).then().statusCode(404)
                .body("status", equalTo(404)).body("instance", notNullValue());
        assertThat(lead(leadId).getList("events")).isEmpty();
        given().get("/api/v1/leads/" + leadId).then().body("transitions", hasSize(1));
    }

    @Test
    void anErasureErasesTheSalesNotesAndTheEventChainStillVerifies() {
        String leadId = newLead("erase");
        Instant asOf = now().minus(Duration.ofHours(5));
        qualify(mql(leadId, asOf));
        event(leadId, leadId + "-r", "REJECTED", asOf.plus(Duration.ofHours(1)), "OTHER", "Jane Doe asked us to stop calling").statusCode(201)
                .body("event.note", equalTo("Jane Doe asked us to stop calling"));
        TestCredentials.as(Roles.ADMIN).delete("/api/v1/leads/" + leadId + "/personal-data").then().statusCode(200);
        JsonPath lifecycle = lead(leadId);
        assertThat((Object) lifecycle.get("events[0].note")).isNull();
        assertThat(lifecycle.getString("events[0].reason")).isEqualTo("OTHER");
        TestCredentials.actAs(Roles.AUDITOR);
        given().get("/api/v1/audit/lifecycle/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aClientCannotSendTheHistoryTheServiceFills() {
        String body = coldLead(newLead("forged"), now()).replace("}}", "},\"history\":{\"status\":\"WON\",\"recycleCount\":0}}");
        TestCredentials.as(Roles.CRM).contentType("application/json").body(body).post("/api/v1/qualify").then().statusCode(400)
                .body("errors[0].field", equalTo("history")).body("errors[0].message", containsString("filled by the service"));
    }
}
