package io.leadqualifier.lifecycle;

import static io.leadqualifier.lifecycle.LeadLifecycleTest.coldLead;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.event;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.mql;
import static io.leadqualifier.lifecycle.LeadLifecycleTest.qualify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.lifecycle.sla.SlaSweep;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The funnel of five leads over two weeks of October 2026, counted by hand:
 * <pre>
 * week 41  L1 MQL Mon 10:00, contacted 12:00 (2 h, in time), accepted, won Wed
 *          L2 MQL Mon 11:00, contacted Tue 15:00 (28 h, late), rejected NO_BUDGET Tue 16:00
 *          L3 LEAD Tue (nurtured)
 *          L4 SQL Wed 09:00 (AE), never contacted: due Thu 09:00, missed; recycled 6 November (30 days)
 * week 42  L5 MQL Mon 10:00, contacted 14:00 (4 h, in time), never accepted: recycled 26 October (14 days)
 * </pre>
 */
@QuarkusTest
@TestProfile(KpiProfile.class)
class FunnelKpiTest {
    private static boolean recorded;
    @Inject
    SlaSweep sweep;

    private static Instant at(String text) {
        return Instant.parse("2026-10-" + text + "Z");
    }

    @AfterEach
    void noDefaultCredentials() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @BeforeEach
    void recordTwoWeeksOfLeadsOnce() {
        if (recorded) {
            TestCredentials.actAs(Roles.REVOPS);
            return;
        }
        recorded = true;
        TestCredentials.actAs(Roles.CRM);
        qualify(mql("L1", at("05T10:00:00")));
        event("L1", "L1-c", "CONTACTED", at("05T12:00:00"), null, null).statusCode(201);
        event("L1", "L1-a", "ACCEPTED", at("05T13:00:00"), null, null).statusCode(201);
        event("L1", "L1-w", "WON", at("07T10:00:00"), null, null).statusCode(201);
        qualify(mql("L2", at("05T11:00:00")));
        event("L2", "L2-c", "CONTACTED", at("06T15:00:00"), null, null).statusCode(201);
        event("L2", "L2-r", "REJECTED", at("06T16:00:00"), "NO_BUDGET", null).statusCode(201);
        qualify(coldLead("L3", at("06T10:00:00")));
        String sql = mql("L4", at("07T09:00:00")).replace("\"company\"",
                "\"bant\":{\"need\":true,\"budget\":true,\"authority\":true,\"timingMonths\":3},\"company\"");
        assertThat(qualify(sql).getString("stage")).isEqualTo("SQL");
        qualify(mql("L5", at("12T10:00:00")));
        event("L5", "L5-c", "CONTACTED", at("12T14:00:00"), null, null).statusCode(201);
        sweep.sweep();
        TestCredentials.actAs(Roles.REVOPS);
    }

    private static JsonPath funnel(String by) {
        var request = given().queryParam("from", "2026-10-05T00:00:00Z").queryParam("to", "2026-11-09T00:00:00Z");
        if (by != null) {
            request.queryParam("by", by);
        }
        return request.get("/api/v1/kpis/funnel").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath report, String period, String group) {
        for (Map<String, Object> row : report.<Map<String, Object>>getList("rows")) {
            if (row.get("period").equals(period) && Objects.equals(row.get("group"), group)) {
                return row;
            }
        }
        throw new AssertionError("no row " + period + "/" + group + " in " + report.prettify());
    }

    @Test
    void weekByWeekTheFunnelMatchesTheHandCount() {
        JsonPath report = funnel(null);
        Map<String, Object> w41 = row(report, "2026-W41", null);
        assertThat(w41).containsEntry("leads", 4).containsEntry("mql", 3).containsEntry("sql", 1).containsEntry("opportunity", 0)
                .containsEntry("won", 1).containsEntry("handoffs", 3).containsEntry("contacted", 2)
                .containsEntry("medianToContact", "PT2H").containsEntry("p90ToContact", "PT28H")
                .containsEntry("slaDue", 3).containsEntry("slaMet", 1).containsEntry("slaCompliance", 0.3333f)
                .containsEntry("rejections", Map.of("NO_BUDGET", 1)).containsEntry("recycled", 0).containsEntry("recycleRate", 0.0f);
        assertThat(report.getFloat("rows[0].conversion.leadToMql")).isEqualTo(0.75f);
        assertThat(report.getFloat("rows[0].conversion.mqlToSql")).isEqualTo(0.3333f);
        assertThat(report.getFloat("rows[0].conversion.sqlToOpportunity")).isEqualTo(0.0f);
        assertThat((Object) report.get("rows[0].conversion.opportunityToWon")).isNull();

        Map<String, Object> w42 = row(report, "2026-W42", null);
        assertThat(w42).containsEntry("leads", 1).containsEntry("mql", 1).containsEntry("handoffs", 1).containsEntry("medianToContact", "PT4H")
                .containsEntry("slaDue", 1).containsEntry("slaMet", 1).containsEntry("slaCompliance", 1.0f);
        assertThat(row(report, "2026-W44", null)).containsEntry("recycled", 1).containsEntry("recycleRate", null);
        assertThat(row(report, "2026-W45", null)).containsEntry("recycled", 1);
    }

    @Test
    void byQueueEachTeamSeesItsOwnHandOffsAndCompliance() {
        JsonPath report = funnel("queue");
        assertThat(row(report, "2026-W41", "SDR")).containsEntry("mql", 2).containsEntry("slaDue", 2).containsEntry("slaMet", 1)
                .containsEntry("handoffs", 2);
        assertThat(row(report, "2026-W41", "AE")).containsEntry("mql", 1).containsEntry("sql", 1).containsEntry("slaDue", 1)
                .containsEntry("slaMet", 0).containsEntry("slaCompliance", 0.0f);
    }

    @Test
    void theSameFiguresComeAsCsvForTheSpreadsheet() {
        String csv = given().queryParam("from", "2026-10-05T00:00:00Z").queryParam("to", "2026-10-19T00:00:00Z").queryParam("format", "csv")
                .get("/api/v1/kpis/funnel").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("period,start,group,leads,mql,sql,opportunity,won,lead_to_mql");
        assertThat(lines[1]).startsWith("2026-W41,2026-10-05T00:00:00Z,,4,3,1,0,1,0.75,0.3333,0.0,,3,2,PT2H,PT28H,3,1,0.3333,NO_BUDGET:1,0,0.0");
        assertThat(lines).hasSize(3);
    }

    @Test
    void aReportNeedsAPeriodAndTheRightRole() {
        given().get("/api/v1/kpis/funnel").then().statusCode(400).body("errors.field", hasItems("from", "to"));
        given().queryParam("from", "2026-10-05T00:00:00Z").queryParam("to", "2026-10-01T00:00:00Z").get("/api/v1/kpis/funnel").then()
                .statusCode(400).body("detail", containsString("before"));
        given().queryParam("from", "2026-10-05T00:00:00Z").queryParam("to", "2026-10-19T00:00:00Z").queryParam("groupBy", "day")
                .get("/api/v1/kpis/funnel").then().statusCode(400);
        TestCredentials.as(Roles.CRM).queryParam("from", "2026-10-05T00:00:00Z").queryParam("to", "2026-10-19T00:00:00Z")
                .get("/api/v1/kpis/funnel").then().statusCode(403);
    }
}
