package io.leadqualifier.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The built-in credentials the test service generated (see %test in application.properties). */
public final class TestCredentials {
    static final Path FILE = Path.of("target/test-credentials.properties");

    private TestCredentials() {
    }

    public static String secret(String role) {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(FILE)) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("The test service has not generated " + FILE + " yet", e);
        }
        return secrets.getProperty(role);
    }

    /** A request made as this role. */
    public static RequestSpecification as(String role) {
        return RestAssured.given().auth().preemptive().basic(role, secret(role));
    }

    /** Every request of the running test acts as this role unless it says otherwise. */
    public static void actAs(String role) {
        RestAssured.authentication = RestAssured.preemptive().basic(role, secret(role));
    }
}
