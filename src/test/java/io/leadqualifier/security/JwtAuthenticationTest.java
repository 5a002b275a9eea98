package io.leadqualifier.security;

import static io.restassured.RestAssured.given;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;

/** CRMs in production hold JWTs from the company IdP; roles come from the groups claim. */
@QuarkusTest
@QuarkusTestResource(JwtTestKeys.class)
class JwtAuthenticationTest {
    private static final String LEAD = "{\"leadId\":\"jwt\",\"contact\":{\"email\":\"a@acme.fr\"}}";

    @BeforeEach
    void noDefaultCredentials() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    private static String token(String group, String issuer, Instant expiresAt) {
        return Jwt.issuer(issuer).upn("hubspot-connector").groups(group).expiresAt(expiresAt).sign(JwtTestKeys.signingKey());
    }

    @Test
    void crmTokenMayQualify() {
        given().auth().oauth2(token(Roles.CRM, JwtTestKeys.ISSUER, Instant.now().plusSeconds(300)))
                .contentType("application/json").body(LEAD).post("/api/v1/qualify")
                .then().statusCode(200);
    }

    @Test
    void tokenRolesComeFromGroups() {
        given().auth().oauth2(token(Roles.AUDITOR, JwtTestKeys.ISSUER, Instant.now().plusSeconds(300)))
                .contentType("application/json").body(LEAD).post("/api/v1/qualify")
                .then().statusCode(403);
        given().auth().oauth2(token(Roles.AUDITOR, JwtTestKeys.ISSUER, Instant.now().plusSeconds(300)))
                .get("/api/v1/policy").then().statusCode(200);
    }

    @Test
    void expiredTokenIsRefused() {
        given().auth().oauth2(token(Roles.CRM, JwtTestKeys.ISSUER, Instant.now().minusSeconds(600)))
                .contentType("application/json").body(LEAD).post("/api/v1/qualify")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        String forged = Jwt.issuer(JwtTestKeys.ISSUER).upn("mallory").groups(Roles.ADMIN)
                .expiresAt(Instant.now().plusSeconds(300)).sign(JwtTestKeys.newPair().getPrivate());
        given().auth().oauth2(forged).contentType("application/json").body(LEAD).post("/api/v1/qualify")
                .then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        given().auth().oauth2(token(Roles.CRM, "https://other-idp.example", Instant.now().plusSeconds(300)))
                .contentType("application/json").body(LEAD).post("/api/v1/qualify")
                .then().statusCode(401);
    }

    @Test
    void garbageTokenIsRefused() {
        given().header("Authorization", "Bearer not.a.jwt").contentType("application/json").body(LEAD)
                .post("/api/v1/qualify").then().statusCode(401);
    }
}
