package io.leadqualifier.console;

import static io.leadqualifier.console.ConsoleLeads.newLead;
import static io.leadqualifier.console.ConsoleLeads.qualifyLead;
import static io.leadqualifier.console.ConsoleLeads.qualifyMql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;

/** RevOps start a simulation from the console, watch it run and read its report; its refusals are shown in the form. */
@QuarkusTest
class SimulationPagesTest {

    private static String serving() {
        return TestCredentials.as(Roles.REVOPS).get("/api/v1/policy").then().extract().path("version");
    }

    @Test
    void revopsStartsASimulationAndReadsTheMatricesAndTheCalibration() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String won = newLead("console-sim-won");
        qualifyMql(won, now.minus(2, ChronoUnit.HOURS));
        TestCredentials.as(Roles.CRM).contentType("application/json")
                .body("{\"eventId\":\"" + won + "-won\",\"type\":\"WON\",\"at\":\"" + now.minus(1, ChronoUnit.HOURS) + "\"}")
                .post("/api/v1/leads/" + won + "/events").then().statusCode(201);
        qualifyLead(newLead("console-sim-lead"), now.minus(2, ChronoUnit.HOURS));
        ConsoleSessions revops = ConsoleSessions.logIn(Roles.REVOPS);

        String location = revops.request().multiPart("console-csrf", revops.csrf()).multiPart("candidate", "version")
                .multiPart("version", serving()).multiPart("population", "recorded")
                .multiPart("from", now.minus(3, ChronoUnit.HOURS).toString()).multiPart("to", now.plus(1, ChronoUnit.MINUTES).toString())
                .post("/console/simulations").then().statusCode(303)
                .header("Location", matchesPattern(".*/console/simulations/[0-9a-f-]+$")).extract().header("Location");
        String page = location.substring(location.indexOf("/console/"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> revops.request().get(page + "/progress").then().extract().header("HX-Refresh") != null);
        String html = revops.request().get(page).then().statusCode(200).extract().asString();
        assertThat(html).contains("<strong id=\"simulation-status\">DONE</strong>").contains("<strong>0</strong> would get another verdict")
                .contains("<caption>Stages: serving policy down, candidate across; the diagonal is where they agree</caption>")
                .contains("id=\"heatmap-Stages\" data-chart=\"{&quot;title&quot;:&quot;Stages: serving (rows) → candidate (columns)&quot;")
                .containsPattern("<th scope=\"row\">MQL</th><td class=\"\">0</td><td class=\"same\">[1-9]\\d*</td>")
                .contains("id=\"band-chart\"").contains("id=\"sweep-chart\"").contains("MQL threshold sweep (candidate)");
    }

    @Test
    void aSimulationTheApiRefusesShowsItsDetailInTheForm() {
        ConsoleSessions revops = ConsoleSessions.logIn(Roles.REVOPS);
        revops.request().multiPart("console-csrf", revops.csrf()).multiPart("candidate", "version").multiPart("version", serving())
                .multiPart("population", "recorded").multiPart("from", "2026-11-20T00:00:00Z").multiPart("to", "2026-11-10T00:00:00Z")
                .post("/console/simulations").then().statusCode(400)
                .body(containsString("from must be before to")).body(containsString("value=\"2026-11-20T00:00:00Z\""));
        revops.request().multiPart("console-csrf", revops.csrf()).multiPart("candidate", "files").multiPart("file", "", new byte[0])
                .multiPart("population", "recorded").multiPart("from", "2026-11-01T00:00:00Z").multiPart("to", "2026-11-10T00:00:00Z")
                .post("/console/simulations").then().statusCode(400)
                .body(containsString("Give the candidate either as file parts"));
    }

    @Test
    void auditorsReadSimulationsButCannotStartOne() {
        ConsoleSessions auditor = ConsoleSessions.logIn(Roles.AUDITOR);
        auditor.request().get("/console/simulations").then().statusCode(200)
                .body(containsString("Simulations are started by RevOps"));
        auditor.request().multiPart("console-csrf", auditor.csrf()).multiPart("candidate", "version").multiPart("version", serving())
                .post("/console/simulations").then().statusCode(403);
        auditor.request().get("/console/simulations/no-such-simulation").then().statusCode(404)
                .body(containsString("No simulation no-such-simulation"));
    }
}
