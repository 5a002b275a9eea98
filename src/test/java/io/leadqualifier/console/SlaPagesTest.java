package io.leadqualifier.console;

import static io.leadqualifier.console.ConsoleLeads.newLead;
import static io.leadqualifier.console.ConsoleLeads.qualifyMql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.leadqualifier.security.Roles;
import io.quarkus.test.junit.QuarkusTest;

/** Sales managers watch the SLA in the console: each queue's clocks, the open hand-offs with their time left, breaches, the funnel. */
@QuarkusTest
class SlaPagesTest {

    @Test
    void openHandOffsShowTheTimeLeftMostUrgentFirst() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String late = newLead("console-sla-late");
        String fresh = newLead("console-sla-fresh");
        qualifyMql(late, now.minus(30, ChronoUnit.HOURS));
        qualifyMql(fresh, now.minus(1, ChronoUnit.HOURS));

        String html = ConsoleSessions.logIn(Roles.CRM).request().get("/console/sla?queue=SDR").then().statusCode(200).extract().asString();

        assertThat(html).contains("<h1>SLA and funnel</h1>").contains("open hand-offs in SDR")
                .containsPattern("<tr class=\"overdue\">\\s*<th scope=\"row\">" + late + "</th>[\\s\\S]*?overdue by (5 h 59|6 h 0\\d) min")
                .containsPattern(fresh + "</th>[\\s\\S]*?2[23] h \\d\\d min left");
        assertThat(html.indexOf(late)).as("most urgent first").isLessThan(html.indexOf(fresh));
    }

    @Test
    void eachQueueIsAChartOfItsClocksWithTheNumbersInATable() {
        qualifyMql(newLead("console-sla-chart"), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ConsoleSessions.logIn(Roles.CRM).request().get("/console/sla").then().statusCode(200)
                .body(containsString("id=\"queue-chart\" data-chart=\"{&quot;title&quot;:&quot;Open hand-offs per queue, by time left&quot;"))
                .body(containsString("&quot;categories&quot;:[&quot;SDR&quot;"))
                .body(containsString("<script src=\"/_static/echarts/5.6.0/dist/echarts.min.js\" defer></script>"))
                .body(containsString("<th scope=\"row\"><a href=\"/console/sla?queue=SDR#open\">SDR</a></th>"));
    }

    @Test
    void crmSeesNoBreachesNorFunnelWhichTheApiKeepsFromIt() {
        ConsoleSessions.logIn(Roles.CRM).request().get("/console/sla").then().statusCode(200)
                .body(not(containsString("id=\"breaches\""))).body(not(containsString("id=\"funnel-chart\"")));
    }

    @Test
    void revopsReadsTheBreachesAndTheFunnelAsCharts() {
        qualifyMql(newLead("console-sla-funnel"), Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS));
        ConsoleSessions.logIn(Roles.REVOPS).request().get("/console/sla").then().statusCode(200)
                .body(containsString("<h2 id=\"breaches\">Breaches</h2>"))
                .body(containsString("id=\"funnel-chart\" data-chart=\"{&quot;title&quot;:&quot;Funnel per week&quot;"))
                .body(containsString("&quot;name&quot;:&quot;SLA compliance&quot;"))
                .body(containsString("<caption>The funnel per week</caption>"));
    }

    @Test
    void theAssetsThePagesLoadAreServed() {
        ConsoleSessions session = ConsoleSessions.logIn(Roles.CRM);
        session.request().get("/_static/echarts/5.6.0/dist/echarts.min.js").then().statusCode(200).body(containsString("echarts"));
        session.request().get("/console/assets/charts.js").then().statusCode(200).body(containsString("data-chart"));
    }

    @Test
    void aFilterTheApiRefusesIsShownWithItsDetail() {
        ConsoleSessions.logIn(Roles.CRM).request().get("/console/sla?queue=" + "Q".repeat(65)).then().statusCode(400)
                .body(containsString("Invalid request")).body(containsString("<code>queue</code>: size must be between 1 and 64"));
    }
}
