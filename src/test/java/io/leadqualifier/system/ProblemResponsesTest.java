package io.leadqualifier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.leadqualifier.audit.trail.RecordedDecision;
import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Every bad request gets a precise RFC 9457 answer, never a stack trace, and records nothing. */
@QuarkusTest
class ProblemResponsesTest {

    @BeforeEach
    void actAsAdmin() {
        TestCredentials.actAs(Roles.ADMIN);
    }
    private static final String PROBLEM = "application/problem+json";
    private static final String VALID_CONTACT = "\"contact\":{\"email\":\"a@b.co\"}";

    public static Stream<Arguments> invalidLeads() {
        return Stream.of(
                Arguments.of("missing leadId", "{" + VALID_CONTACT + "}", "leadId"),
                Arguments.of("leadId with a space", "{\"leadId\":\"a b\"," + VALID_CONTACT + "}", "leadId"),
                Arguments.of("leadId of 129 characters", "{\"leadId\":\"" + "x".repeat(129) + "\"," + VALID_CONTACT + "}", "leadId"),
                Arguments.of("SQL injection in leadId", "{\"leadId\":\"x'; DROP TABLE decision;--\"," + VALID_CONTACT + "}", "leadId"),
                Arguments.of("missing contact", "{\"leadId\":\"x\"}", "contact.email"),
                Arguments.of("invalid email", "{\"leadId\":\"x\",\"contact\":{\"email\":\"not-an-email\"}}", "contact.email"),
                Arguments.of("huge email", "{\"leadId\":\"x\",\"contact\":{\"email\":\"" + "a".repeat(100_000) + "@b.co\"}}", "contact.email"),
                Arguments.of("unknown seniority", "{\"leadId\":\"x\",\"contact\":{\"email\":\"a@b.co\",\"seniority\":\"BOSS\"}}", "contact.seniority"),
                Arguments.of("employees not a number", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"company\":{\"employees\":\"many\"}}", "company.employees"),
                Arguments.of("employees beyond int", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"company\":{\"employees\":99999999999999}}", "company.employees"),
                Arguments.of("negative employees", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"company\":{\"employees\":-1}}", "company.employees"),
                Arguments.of("three-letter country", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"company\":{\"country\":\"FRA\"}}", "company.country"),
                Arguments.of("negative timing", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"bant\":{\"timingMonths\":-1}}", "bant.timingMonths"),
                Arguments.of("boolean as text", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"bant\":{\"need\":\"maybe\"}}", "bant.need"),
                Arguments.of("company as a string", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"company\":\"Acme\"}", "company"),
                Arguments.of("activities as an object", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"activities\":{}}", "activities"),
                Arguments.of("activity without type", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"activities\":[{\"at\":\"2026-01-01T00:00:00Z\"}]}", "activities[0].type"),
                Arguments.of("activity without date", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"activities\":[{\"type\":\"EMAIL_OPEN\"}]}", "activities[0].at"),
                Arguments.of("null activity", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"activities\":[null]}", "activities[0]"),
                Arguments.of("activity date without offset", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"activities\":[{\"type\":\"EMAIL_OPEN\",\"at\":\"2026-01-01 10:00\"}]}", "activities[0].at"),
                Arguments.of("asOf in year 1", "{\"leadId\":\"x\",\"asOf\":\"0001-01-01T00:00:00Z\"," + VALID_CONTACT + "}", "asOf"),
                Arguments.of("asOf in year 200000", "{\"leadId\":\"x\",\"asOf\":\"+200000-01-01T00:00:00Z\"," + VALID_CONTACT + "}", "asOf"),
                Arguments.of("asOf not a date", "{\"leadId\":\"x\",\"asOf\":\"yesterday\"," + VALID_CONTACT + "}", "asOf"),
                Arguments.of("too many activities", "{\"leadId\":\"x\"," + VALID_CONTACT + ",\"activities\":["
                        + "{\"type\":\"EMAIL_OPEN\",\"at\":\"2026-01-01T00:00:00Z\"},".repeat(10_000)
                        + "{\"type\":\"EMAIL_OPEN\",\"at\":\"2026-01-01T00:00:00Z\"}]}", "activities"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLeads")
    void invalidLeadIsA400NamingTheField(String name, String body, String field) {
        given().contentType("application/json").body(body)
                .when().post("/api/v1/qualify")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:lead-qualifier:problem:validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/qualify"))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJsonIsA400SayingWhere() {
        given().contentType("application/json").body("{\"leadId\": \"x\", ")
                .when().post("/api/v1/qualify")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:lead-qualifier:problem:malformed-json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void deeplyNestedJsonIsA400() {
        given().contentType("application/json")
                .body("{\"leadId\":\"x\"," + VALID_CONTACT + ",\"extra\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")
                .when().post("/api/v1/qualify")
                .then().statusCode(400).contentType(PROBLEM).body(not(containsString("Exception")));
    }

    @Test
    void emptyBodyIsA400() {
        given().contentType("application/json").body("")
                .when().post("/api/v1/qualify")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void wrongContentTypeIsA415() {
        given().contentType("text/plain").body("leadId=x")
                .when().post("/api/v1/qualify")
                .then().statusCode(415).contentType(PROBLEM).body("title", equalTo("Unsupported Media Type"));
    }

    @Test
    void oversizedBodyIsA413() {
        given().contentType("application/json").body("{\"leadId\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")
                .when().post("/api/v1/qualify")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void unknownPathIsA404() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("Nothing at /api/v1/nothing-here"));
    }

    @Test
    void wrongMethodIsA405() {
        given().when().get("/api/v1/qualify").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void invalidIdempotencyKeyIsA400() {
        given().contentType("application/json").header("Idempotency-Key", "k".repeat(300))
                .body("{\"leadId\":\"x\"," + VALID_CONTACT + "}")
                .when().post("/api/v1/qualify")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("idempotencyKey"));
    }

    @Test
    void badRequestsRecordNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> RecordedDecision.count());
        invalidLeads().forEach(arguments -> given().contentType("application/json").body(arguments.get()[1])
                .when().post("/api/v1/qualify").then().statusCode(400));
        long after = QuarkusTransaction.requiringNew().call(() -> RecordedDecision.count());

        assertThat(after).isEqualTo(before);
    }
}
