package io.leadqualifier.console;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadqualifier.security.TestCredentials;
import io.restassured.response.Response;

/** A browser's session with the console, over plain HTTP: the login cookie and the CSRF token its forms carry. */
record ConsoleSessions(String login, String csrf) {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"console-csrf\" value=\"([A-Za-z0-9_-]+)\"");

    /** Logs in with the role's built-in credentials through the login form, and opens a page to get a CSRF token. */
    static ConsoleSessions logIn(String role) {
        Response login = given().redirects().follow(false).formParam("j_username", role)
                .formParam("j_password", TestCredentials.secret(role)).post("/console/j_security_check");
        String cookie = login.getCookie("quarkus-credential");
        if (cookie == null) {
            throw new AssertionError("No login cookie after logging in as " + role + ": " + login.statusCode());
        }
        Response page = given().redirects().follow(false).cookie("quarkus-credential", cookie).get("/console/login");
        Matcher field = CSRF_FIELD.matcher(page.asString());
        return new ConsoleSessions(cookie, field.find() ? field.group(1) : page.getCookie("console-csrf"));
    }

    io.restassured.specification.RequestSpecification request() {
        return given().redirects().follow(false).cookie("quarkus-credential", login).cookie("console-csrf", csrf);
    }
}
