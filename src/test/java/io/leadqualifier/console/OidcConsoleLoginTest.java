package io.leadqualifier.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The console behind the company's OIDC provider (profile {@code oidc}): the login is the provider's (authorization
 * code flow), roles come from the provider's groups, and the API keeps its own authentication and problem answers.
 */
@QuarkusTest
@TestProfile(OidcConsoleProfile.class)
class OidcConsoleLoginTest {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"console-csrf\" value=\"([A-Za-z0-9_-]+)\"");

    /** A browser's cookies, as it keeps them across the redirects. */
    private final Map<String, String> cookies = new HashMap<>();

    @BeforeEach
    void aBrowserWithoutCredentials() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        OidcProvider.nextUser = new OidcProvider.User("ana@acme.example", List.of(Roles.REVOPS));
    }

    private Response open(String url) {
        Response response = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(url);
        keep(response);
        return response;
    }

    private void keep(Response response) {
        response.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
    }

    /** Logs in at the provider as {@link OidcProvider#nextUser}, as a browser does, and gives the page it lands on. */
    private Response logInAtTheProvider() {
        Response toProvider = open("/console/sso");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = toProvider.header("Location");
        assertThat(authorize).contains("/authorize?").contains("client_id=" + OidcProvider.CLIENT_ID).contains("response_type=code");
        Response backWithCode = open(authorize);
        assertThat(backWithCode.statusCode()).isEqualTo(302);
        Response page = open(backWithCode.header("Location"));
        for (int hops = 0; hops < 5 && page.statusCode() / 100 == 3; hops++) {
            page = open(page.header("Location"));
        }
        return page;
    }

    @Test
    void aBrowserWithoutASessionIsOfferedTheCompanyLogin() {
        Response page = open("/console/policy");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).endsWith("/console/login");
        open("/console/login").then().statusCode(200)
                .body(containsString("href=\"/console/sso\">Log in with your company account</a>"))
                .body(not(containsString("j_password")));
    }

    @Test
    void revopsLogsInAtTheProviderAndReadsTheActivePolicy() {
        Response policy = logInAtTheProvider();
        policy.then().statusCode(200)
                .body(containsString("<h1>Active policy</h1>"))
                .body(containsString("ana@acme.example (revops)"))
                .body(containsString("Engagement: DEMO_REQUEST"));
        assertThat(OidcProvider.exchanged).containsValue(OidcProvider.SECRET);
    }

    @Test
    void aProviderGroupMappedToARoleGetsThatRole() {
        OidcProvider.nextUser = new OidcProvider.User("ines@acme.example", List.of("acme-auditors"));
        logInAtTheProvider().then().statusCode(200)
                .body(containsString("<h1>Active policy</h1>"))
                .body(containsString("ines@acme.example (auditor)"));
    }

    @Test
    void aProviderGroupThatIsNoRoleGetsNoPage() {
        OidcProvider.nextUser = new OidcProvider.User("sam@acme.example", List.of("sales-team"));
        logInAtTheProvider().then().statusCode(403).body(containsString("Your role may not do this"));
    }

    @Test
    void loggingOutDropsTheSession() {
        Matcher csrf = CSRF_FIELD.matcher(logInAtTheProvider().asString());
        assertThat(csrf.find()).isTrue();
        Response out = given().redirects().follow(false).cookies(cookies).formParam("console-csrf", csrf.group(1)).post("/console/logout");
        out.then().statusCode(303).header("Location", endsWith("/console/login?out=true"));
        keep(out);
        assertThat(cookies).doesNotContainKey("q_session");
        open("/console/policy").then().statusCode(303).header("Location", endsWith("/console/login"));
    }

    @Test
    void theApiKeepsItsOwnAuthenticationAndProblems() {
        given().redirects().follow(false).get("/api/v1/policy")
                .then().statusCode(401).contentType("application/problem+json");
        given().redirects().follow(false).get("/q/metrics").then().statusCode(401);
        given().auth().preemptive().basic(Roles.REVOPS, TestCredentials.secret(Roles.REVOPS)).get("/api/v1/policy")
                .then().statusCode(200);
    }
}
