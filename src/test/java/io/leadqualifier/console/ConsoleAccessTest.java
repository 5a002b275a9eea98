package io.leadqualifier.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Who gets into the console and how: form login, the same roles as the API, CSRF on forms, the headers. */
@QuarkusTest
class ConsoleAccessTest {

    /** Other test classes leave credentials on every request (TestCredentials.actAs): a browser has none. */
    @BeforeEach
    void noCredentials() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void aPageWithoutLoginSendsTheBrowserToTheLoginPage() {
        given().redirects().follow(false).get("/console/policy")
                .then().statusCode(303).header("Location", endsWith("/console/login"));
        given().get("/console/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<label for=\"j_password\">Password</label>"));
    }

    @Test
    void wrongPasswordSaysSoOnTheLoginPage() {
        given().redirects().follow(false).formParam("j_username", Roles.REVOPS).formParam("j_password", "guess")
                .post("/console/j_security_check").then().statusCode(303).header("Location", endsWith("/console/login?failed=true"));
        given().get("/console/login?failed=true").then().statusCode(401).body(containsString("The user or the password was not accepted."));
    }

    @Test
    void revopsLoggedInReadsTheActivePolicyWithItsNavigation() {
        ConsoleSessions.logIn(Roles.REVOPS).request().get("/console/policy")
                .then().statusCode(200)
                .body(containsString("<h1>Active policy</h1>"))
                .body(containsString("href=\"/console/policy/changes\">Changes</a>"))
                .body(containsString("href=\"/console/decisions\">Decisions</a>"))
                .body(containsString("Engagement: DEMO_REQUEST"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void aRoleTheApiRefusesIsRefusedThePageWithTheSameDetail() {
        ConsoleSessions.logIn(Roles.CRM).request().get("/console/policy")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Forbidden")).body(containsString("Your role may not do this"));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        ConsoleSessions session = ConsoleSessions.logIn(Roles.AUDITOR);
        given().redirects().follow(false).cookie("quarkus-credential", session.login()).cookie("console-csrf", session.csrf())
                .formParam("console-csrf", "x".repeat(43)).post("/console/logout")
                .then().statusCode(403).body(containsString("CSRF token"));
        session.request().formParam("console-csrf", session.csrf()).post("/console/logout")
                .then().statusCode(303).header("Location", endsWith("/console/login?out=true"))
                .header("Set-Cookie", startsWith("quarkus-credential="));
    }

    @Test
    void theApiStillAnswersProblemsToClientsWithoutCredentials() {
        given().redirects().follow(false).get("/api/v1/policy")
                .then().statusCode(401).contentType("application/problem+json").body(not(containsString("<html")));
        given().redirects().follow(false).get("/q/metrics").then().statusCode(401);
    }
}
